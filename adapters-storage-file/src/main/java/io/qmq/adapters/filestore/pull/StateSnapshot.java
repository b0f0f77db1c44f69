package io.qmq.adapters.filestore.pull;

import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.ConsumerId;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The {@link ConsumptionState} as a snapshot's content. Big-endian; strings are a 2-byte length and
 * (modified) UTF-8, as {@link DataOutputStream#writeUTF} writes them:
 *
 * <pre>
 * 1      format version ({@value #VERSION})
 * 4      cursor count, then each: subject, group, 8-byte cursor
 * 4      consumer count, then each: subject, group, consumer id, 8-byte pulled, 8-byte acked,
 *        4-byte run count, then each run: 8-byte first pull sequence, 8-byte first subject sequence,
 *        4-byte length
 * </pre>
 */
public final class StateSnapshot {

    public static final byte VERSION = 1;

    private StateSnapshot() {
    }

    public static ByteBuffer encode(ConsumptionState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(state.cursors().size());
            for (Map.Entry<Subscription, Long> cursor : state.cursors().entrySet()) {
                writeSubscription(out, cursor.getKey());
                out.writeLong(cursor.getValue());
            }
            out.writeInt(state.consumerPulls().size());
            for (Map.Entry<Consumer, ConsumptionState.ConsumerPulls> entry : state.consumerPulls().entrySet()) {
                writeConsumer(out, entry.getKey(), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a pull-log snapshot in memory", e);
        }
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    public static ConsumptionState decode(ByteBuffer content) throws IOException {
        byte[] bytes = new byte[content.remaining()];
        content.duplicate().get(bytes);
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IOException("unknown pull-log snapshot version " + version);
        }
        ConsumptionState state = new ConsumptionState();
        for (int i = in.readInt(); i > 0; i--) {
            state.moveCursor(readSubscription(in), in.readLong());
        }
        for (int i = in.readInt(); i > 0; i--) {
            Consumer consumer = new Consumer(readSubscription(in), ConsumerId.of(in.readUTF()));
            ConsumptionState.ConsumerPulls pulls = new ConsumptionState.ConsumerPulls();
            pulls.progress = new ConsumerProgress(in.readLong(), in.readLong());
            int runs = in.readInt();
            if (runs > 0) {
                pulls.unacked = new PullRuns();
                for (int r = 0; r < runs; r++) {
                    pulls.unacked.appendRun(in.readLong(), in.readLong(), in.readInt());
                }
            }
            state.consumerPulls().put(consumer, pulls);
        }
        return state;
    }

    private static void writeConsumer(DataOutputStream out, Consumer consumer, ConsumptionState.ConsumerPulls pulls)
            throws IOException {
        writeSubscription(out, consumer.subscription());
        out.writeUTF(consumer.id().value());
        out.writeLong(pulls.progress.pulled());
        out.writeLong(pulls.progress.acked());
        PullRuns runs = pulls.unacked;
        out.writeInt(runs == null ? 0 : runs.runCount());
        for (int r = 0; runs != null && r < runs.runCount(); r++) {
            out.writeLong(runs.pullStart(r));
            out.writeLong(runs.subjectStart(r));
            out.writeInt(runs.length(r));
        }
    }

    static void writeSubscription(DataOutputStream out, Subscription subscription) throws IOException {
        out.writeUTF(subscription.subject().name());
        out.writeUTF(subscription.group().name());
    }

    static Subscription readSubscription(DataInputStream in) throws IOException {
        return new Subscription(Subject.of(in.readUTF()), ConsumerGroup.of(in.readUTF()));
    }
}
