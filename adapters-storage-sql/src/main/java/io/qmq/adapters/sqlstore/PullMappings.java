package io.qmq.adapters.sqlstore;

import static io.qmq.adapters.sqlstore.schema.Tables.PULL_MAPPING;

import io.qmq.adapters.sqlstore.schema.tables.records.PullMappingRecord;
import io.qmq.domain.consumer.SequenceRange;
import java.util.Arrays;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep3;

/**
 * A consumer's rows in {@code pull_mapping}: pull sequence to subject sequence, for the pull sequences
 * it has not acknowledged. Keyed by (consumer, pull sequence), so every operation is a range of one
 * consumer's primary key.
 */
final class PullMappings {

    /** Rows per INSERT: a long pull is a handful of round trips, not thousands. */
    private static final int MAX_ROWS_PER_INSERT = 1_000;
    private static final long UNKNOWN = -1;

    /** Maps {@code firstPullSequence + i} to {@code subjectSequences[i]}, replacing what those had. */
    void replace(DSLContext transaction, long consumerId, long firstPullSequence, long[] subjectSequences) {
        if (subjectSequences.length == 0) {
            return;
        }
        transaction.deleteFrom(PULL_MAPPING)
                .where(PULL_MAPPING.CONSUMER_PROGRESS_ID.eq(consumerId))
                .and(PULL_MAPPING.PULL_SEQUENCE.between(firstPullSequence, firstPullSequence + subjectSequences.length - 1))
                .execute();
        for (int from = 0; from < subjectSequences.length; from += MAX_ROWS_PER_INSERT) {
            InsertValuesStep3<PullMappingRecord, Long, Long, Long> insert = transaction.insertInto(PULL_MAPPING,
                    PULL_MAPPING.CONSUMER_PROGRESS_ID, PULL_MAPPING.PULL_SEQUENCE, PULL_MAPPING.SUBJECT_SEQUENCE);
            for (int i = from; i < Math.min(subjectSequences.length, from + MAX_ROWS_PER_INSERT); i++) {
                insert = insert.values(consumerId, firstPullSequence + i, subjectSequences[i]);
            }
            insert.execute();
        }
    }

    /** Forgets every pull sequence up to and including {@code lastAcked}. */
    void forgetThrough(DSLContext transaction, long consumerId, long lastAcked) {
        transaction.deleteFrom(PULL_MAPPING)
                .where(PULL_MAPPING.CONSUMER_PROGRESS_ID.eq(consumerId))
                .and(PULL_MAPPING.PULL_SEQUENCE.le(lastAcked))
                .execute();
    }

    /** The subject sequences of the range in order, {@code -1} where none is mapped. */
    long[] lookup(DSLContext sql, long consumerId, SequenceRange pullSequences) {
        long[] subjectSequences = new long[Math.toIntExact(pullSequences.count())];
        Arrays.fill(subjectSequences, UNKNOWN);
        sql.select(PULL_MAPPING.PULL_SEQUENCE, PULL_MAPPING.SUBJECT_SEQUENCE)
                .from(PULL_MAPPING)
                .where(PULL_MAPPING.CONSUMER_PROGRESS_ID.eq(consumerId))
                .and(PULL_MAPPING.PULL_SEQUENCE.between(pullSequences.first(), pullSequences.last()))
                .forEach(row -> subjectSequences[(int) (row.value1() - pullSequences.first())] = row.value2());
        return subjectSequences;
    }
}
