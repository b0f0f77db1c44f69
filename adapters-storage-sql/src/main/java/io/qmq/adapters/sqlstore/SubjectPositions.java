package io.qmq.adapters.sqlstore;

import static io.qmq.adapters.sqlstore.schema.Tables.MESSAGE_SUBJECT;

import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The append thread's memory of table {@code message_subject}: each subject's id and the sequence its
 * next message gets. A subject is loaded when a batch first touches it and afterwards never read back:
 * this thread is the only writer of the table, because one broker owns its database. (Were a second
 * writer to share it by mistake, their batches would fail on the primary key and reload, not overwrite.)
 *
 * <p>Owned by the append thread. Readers ask the table, which holds exactly what is committed.
 */
final class SubjectPositions {

    /** Keeps IN lists well below every database's limit on bind values. */
    private static final int MAX_NAMES_PER_QUERY = 500;

    /** A subject's id, its next sequence, and whether its row exists yet. */
    record Position(long id, long next, boolean stored) {
        Position advanced() {
            return new Position(id, next + 1, stored);
        }
    }

    private final DSLContext sql;
    private final Map<Subject, Position> committed = new HashMap<>();
    private long nextSubjectId = -1;

    SubjectPositions(DSLContext sql) {
        this.sql = sql;
    }

    /**
     * The current positions of the subjects, as a map the caller may change: known ones from memory,
     * stored ones from the table, and new ones with fresh ids and {@code stored} false.
     */
    Map<Subject, Position> positionsOf(Set<Subject> subjects) {
        List<Subject> unknown = subjects.stream().filter(s -> !committed.containsKey(s)).toList();
        for (int from = 0; from < unknown.size(); from += MAX_NAMES_PER_QUERY) {
            load(unknown.subList(from, Math.min(unknown.size(), from + MAX_NAMES_PER_QUERY)));
        }
        Map<Subject, Position> positions = new HashMap<>();
        for (Subject subject : subjects) {
            Position known = committed.get(subject);
            positions.put(subject, known != null ? known : new Position(newSubjectId(), 0, false));
        }
        return positions;
    }

    /** The batch that moved the subjects to these positions has committed. */
    void committed(Map<Subject, Position> positions) {
        positions.forEach((subject, position) -> committed.put(subject, new Position(position.id(), position.next(), true)));
    }

    /**
     * A batch failed, perhaps after its commit reached the database: what is in memory can no longer be
     * trusted, so the next batch reads its subjects from the table again.
     */
    void forget() {
        committed.clear();
        nextSubjectId = -1;
    }

    private void load(List<Subject> subjects) {
        List<String> names = new ArrayList<>(subjects.size());
        subjects.forEach(s -> names.add(s.name()));
        sql.select(MESSAGE_SUBJECT.ID, MESSAGE_SUBJECT.SUBJECT, MESSAGE_SUBJECT.NEXT_SEQUENCE)
                .from(MESSAGE_SUBJECT)
                .where(MESSAGE_SUBJECT.SUBJECT.in(names))
                .forEach(row -> committed(Map.of(Subject.of(row.value2()), new Position(row.value1(), row.value3(), true))));
    }

    private long newSubjectId() {
        if (nextSubjectId < 0) {
            nextSubjectId = sql.select(DSL.coalesce(DSL.max(MESSAGE_SUBJECT.ID), 0L))
                    .from(MESSAGE_SUBJECT)
                    .fetchSingle()
                    .value1() + 1;
        }
        return nextSubjectId++;
    }
}
