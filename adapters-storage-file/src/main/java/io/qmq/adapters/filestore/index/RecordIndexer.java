package io.qmq.adapters.filestore.index;

import io.qmq.adapters.filestore.codec.MessageRecord;
import io.qmq.adapters.filestore.segment.RecordFrame;
import io.qmq.domain.message.Subject;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files message records that are already in the log under their subjects' sequences: what recovery
 * does for the records after a checkpoint and a slave does for the records it copied from its master.
 * A record whose sequence the subject already has is skipped (replay is idempotent); a record that
 * jumps ahead leaves the missing sequences as holes, loudly. Single-threaded, like the staging it fills.
 */
public final class RecordIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(RecordIndexer.class);

    private final ConsumeIndex index;

    public RecordIndexer(ConsumeIndex index) {
        this.index = index;
    }

    /**
     * Stages the index entry of the record at {@code position} (its body from position to limit);
     * false when the subject already had it.
     */
    public boolean index(long position, ByteBuffer body, IndexStaging staging) throws IOException {
        SubjectLog subject = index.subjectOrCreate(Subject.of(MessageRecord.subjectName(body)));
        long sequence = MessageRecord.sequence(body);
        if (sequence < subject.nextSequence()) {
            return false;
        }
        if (sequence > subject.nextSequence()) {
            LOG.error("Subject {} jumps from sequence {} to {} at log position {}; the gap reads as holes",
                    subject.subject(), subject.nextSequence(), sequence, position);
        }
        subject.restore(sequence, position);
        subject.takeSequence(position);
        staging.add(subject, sequence, position, RecordFrame.frameBytes(body.remaining()),
                body.getInt(body.position() + MessageRecord.ENCODED_LENGTH_OFFSET),
                body.getLong(body.position() + MessageRecord.APPENDED_AT_OFFSET));
        return true;
    }
}
