package io.qmq.adapters.filestore.index;

import io.qmq.domain.message.Subject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How far the consume logs are known to be complete and durable: every record of the message log
 * before {@code logPosition} has its index entry forced to disk, and each subject's state at that
 * point. Stored as the content of a {@link io.qmq.adapters.filestore.checkpoint.SnapshotFiles}
 * snapshot; big-endian:
 *
 * <pre>
 * offset  width  field
 * 0       1      format version ({@value #VERSION})
 * 1       8      log position
 * 9       4      subject count n
 * 13      n x    (2-byte name length, UTF-8 subject name, 8-byte next sequence, 8-byte last record position)
 * </pre>
 */
public record IndexCheckpoint(long logPosition, List<SubjectMark> subjects) {

    public static final byte VERSION = 1;
    private static final int HEADER_BYTES = 13;
    private static final int PER_SUBJECT_FIXED_BYTES = 2 + 8 + 8;

    /** One subject's state at the checkpoint. */
    public record SubjectMark(Subject subject, long nextSequence, long lastPosition) {
    }

    /** The checkpoint of every subject that has messages, as it stands at {@code logPosition}. */
    public static IndexCheckpoint of(long logPosition, Collection<SubjectLog> subjects) {
        List<SubjectMark> marks = new ArrayList<>(subjects.size());
        for (SubjectLog subject : subjects) {
            if (subject.nextSequence() > 0) {
                marks.add(new SubjectMark(subject.subject(), subject.nextSequence(), subject.lastPosition()));
            }
        }
        return new IndexCheckpoint(logPosition, marks);
    }

    public ByteBuffer encode() {
        List<byte[]> names = new ArrayList<>(subjects.size());
        int bytes = HEADER_BYTES;
        for (SubjectMark mark : subjects) {
            byte[] name = mark.subject().name().getBytes(StandardCharsets.UTF_8);
            names.add(name);
            bytes += PER_SUBJECT_FIXED_BYTES + name.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(bytes).put(VERSION).putLong(logPosition).putInt(subjects.size());
        for (int i = 0; i < subjects.size(); i++) {
            SubjectMark mark = subjects.get(i);
            buffer.putShort((short) names.get(i).length).put(names.get(i))
                    .putLong(mark.nextSequence()).putLong(mark.lastPosition());
        }
        return buffer.flip();
    }

    public static IndexCheckpoint decode(ByteBuffer content) {
        ByteBuffer buffer = content.duplicate();
        byte version = buffer.get();
        if (version != VERSION) {
            throw new IllegalStateException("unknown index checkpoint version " + version);
        }
        long logPosition = buffer.getLong();
        int count = buffer.getInt();
        List<SubjectMark> subjects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] name = new byte[Short.toUnsignedInt(buffer.getShort())];
            buffer.get(name);
            subjects.add(new SubjectMark(Subject.of(new String(name, StandardCharsets.UTF_8)), buffer.getLong(), buffer.getLong()));
        }
        return new IndexCheckpoint(logPosition, subjects);
    }
}
