package io.qmq.adapters.filestore.pull;

import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerId;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.Subscription;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The bodies of action-log records (inside a {@link io.qmq.adapters.filestore.segment.RecordFrame}).
 * Big-endian; strings are a 2-byte length and (modified) UTF-8:
 *
 * <pre>
 * CURSOR  1 type = {@value #CURSOR}, subject, group, 8-byte cursor
 * PULL    1 type = {@value #PULL}, subject, group, consumer id, 8-byte first pull sequence,
 *         8-byte cursor after, 4-byte run count, then each run: 8-byte first subject sequence,
 *         4-byte length (pull sequences are consecutive across runs)
 * ACK     1 type = {@value #ACK}, subject, group, consumer id, 8-byte first, 8-byte last pull sequence
 * </pre>
 *
 * A PULL stores its subject sequences as runs of consecutive sequences, so a pull of 50 messages
 * without filtering costs one run.
 */
public final class PullAction {

    public static final byte CURSOR = 1;
    public static final byte PULL = 2;
    public static final byte ACK = 3;

    private PullAction() {
    }

    public static byte[] cursor(Subscription subscription, long cursor) {
        return encode(out -> {
            out.writeByte(CURSOR);
            StateSnapshot.writeSubscription(out, subscription);
            out.writeLong(cursor);
        });
    }

    public static byte[] pull(Consumer consumer, long firstPullSequence, long[] subjectSequences, long cursorAfter) {
        return encode(out -> {
            out.writeByte(PULL);
            writeConsumer(out, consumer);
            out.writeLong(firstPullSequence);
            out.writeLong(cursorAfter);
            int runs = 0;
            for (int i = 0; i < subjectSequences.length; i++) {
                runs += i == 0 || subjectSequences[i] != subjectSequences[i - 1] + 1 ? 1 : 0;
            }
            out.writeInt(runs);
            for (int start = 0; start < subjectSequences.length; ) {
                int end = start + 1;
                while (end < subjectSequences.length && subjectSequences[end] == subjectSequences[end - 1] + 1) {
                    end++;
                }
                out.writeLong(subjectSequences[start]);
                out.writeInt(end - start);
                start = end;
            }
        });
    }

    public static byte[] ack(Consumer consumer, SequenceRange range) {
        return encode(out -> {
            out.writeByte(ACK);
            writeConsumer(out, consumer);
            out.writeLong(range.first());
            out.writeLong(range.last());
        });
    }

    /** Applies a recorded action to the state, as the original call did. */
    public static void apply(ByteBuffer body, ConsumptionState state) throws IOException {
        byte[] bytes = new byte[body.remaining()];
        body.duplicate().get(bytes);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        byte type = in.readByte();
        switch (type) {
            case CURSOR -> state.moveCursor(StateSnapshot.readSubscription(in), in.readLong());
            case PULL -> applyPull(in, state);
            case ACK -> state.ack(readConsumer(in), SequenceRange.of(in.readLong(), in.readLong()));
            default -> throw new IOException("unknown pull-log action type " + type);
        }
    }

    private static void applyPull(DataInputStream in, ConsumptionState state) throws IOException {
        Consumer consumer = readConsumer(in);
        long firstPull = in.readLong();
        long cursorAfter = in.readLong();
        int runs = in.readInt();
        long[] starts = new long[runs];
        int[] lengths = new int[runs];
        int total = 0;
        for (int r = 0; r < runs; r++) {
            starts[r] = in.readLong();
            lengths[r] = in.readInt();
            total = Math.addExact(total, lengths[r]);
        }
        long[] sequences = new long[total];
        for (int r = 0, i = 0; r < runs; r++) {
            for (int k = 0; k < lengths[r]; k++) {
                sequences[i++] = starts[r] + k;
            }
        }
        state.pull(consumer, firstPull, sequences, cursorAfter);
    }

    private static void writeConsumer(DataOutputStream out, Consumer consumer) throws IOException {
        StateSnapshot.writeSubscription(out, consumer.subscription());
        out.writeUTF(consumer.id().value());
    }

    private static Consumer readConsumer(DataInputStream in) throws IOException {
        return new Consumer(StateSnapshot.readSubscription(in), ConsumerId.of(in.readUTF()));
    }

    @FunctionalInterface
    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] encode(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a pull-log action in memory", e);
        }
        return bytes.toByteArray();
    }
}
