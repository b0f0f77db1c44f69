package io.qmq.adapters.sqlstore;

import static io.qmq.adapters.sqlstore.schema.Tables.MESSAGE_SUBJECT;
import static io.qmq.adapters.sqlstore.schema.Tables.STORED_MESSAGE;

import io.qmq.adapters.sqlstore.SubjectPositions.Position;
import io.qmq.adapters.sqlstore.schema.tables.records.StoredMessageRecord;
import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep9;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;

/**
 * Stores one group of appends in one transaction: gives each message the next sequence of its
 * subject, inserts the messages and moves the subjects' {@code next_sequence}, all or nothing. Only
 * after the commit does it remember the new positions, so a failed batch leaves no hole: the next batch
 * hands out the same sequences again.
 *
 * <p>Used by the append thread alone.
 */
final class MessageBatchWriter {

    /** Rows per INSERT statement: well below MySQL's 65535 bind values at 9 per row. */
    private static final int MAX_ROWS_PER_INSERT = 500;
    /** Encoded bytes per INSERT, so that a statement stays far below MySQL's max_allowed_packet. */
    private static final long MAX_BYTES_PER_INSERT = 1 << 20;

    private final DSLContext sql;
    private final Clock clock;
    private final SubjectPositions positions;

    MessageBatchWriter(DSLContext sql, Clock clock, SubjectPositions positions) {
        this.sql = sql;
        this.clock = clock;
        this.positions = positions;
    }

    /** The stored messages of each append, in the order of {@code appends}. */
    List<List<StoredMessage>> write(List<List<Message>> appends) {
        Set<Subject> subjects = new LinkedHashSet<>();
        appends.forEach(append -> append.forEach(m -> subjects.add(m.subject())));
        try {
            Map<Subject, Position> before = positions.positionsOf(subjects);
            Map<Subject, Position> after = new HashMap<>(before);
            List<List<StoredMessage>> stored = place(appends, after, clock.millis());
            sql.transaction(transaction -> {
                saveSubjects(transaction.dsl(), before, after);
                insertMessages(transaction.dsl(), after, stored);
            });
            positions.committed(after);
            return stored;
        } catch (DataAccessException e) {
            positions.forget();
            throw new MessageLogException("could not store " + appends.size() + " append(s) of " + subjects.size()
                    + " subject(s), e.g. '" + subjects.iterator().next() + "', in the SQL message log", e);
        }
    }

    private static List<List<StoredMessage>> place(List<List<Message>> appends, Map<Subject, Position> positions, long now) {
        List<List<StoredMessage>> stored = new ArrayList<>(appends.size());
        for (List<Message> append : appends) {
            List<StoredMessage> placed = new ArrayList<>(append.size());
            for (Message message : append) {
                Position position = positions.get(message.subject());
                placed.add(new StoredMessage(position.next(), now, message));
                positions.put(message.subject(), position.advanced());
            }
            stored.add(List.copyOf(placed));
        }
        return stored;
    }

    private static void saveSubjects(DSLContext transaction, Map<Subject, Position> before, Map<Subject, Position> after) {
        List<Query> saves = new ArrayList<>(after.size());
        after.forEach((subject, position) -> saves.add(before.get(subject).stored()
                ? transaction.update(MESSAGE_SUBJECT)
                        .set(MESSAGE_SUBJECT.NEXT_SEQUENCE, position.next())
                        .where(MESSAGE_SUBJECT.ID.eq(position.id()))
                : transaction.insertInto(MESSAGE_SUBJECT)
                        .set(MESSAGE_SUBJECT.ID, position.id())
                        .set(MESSAGE_SUBJECT.SUBJECT, subject.name())
                        .set(MESSAGE_SUBJECT.NEXT_SEQUENCE, position.next())));
        transaction.batch(saves).execute();
    }

    private static void insertMessages(DSLContext transaction, Map<Subject, Position> positions, List<List<StoredMessage>> stored) {
        List<StoredMessage> chunk = new ArrayList<>();
        long bytes = 0;
        for (List<StoredMessage> append : stored) {
            for (StoredMessage next : append) {
                if (!chunk.isEmpty() && (chunk.size() == MAX_ROWS_PER_INSERT || bytes + next.message().size() > MAX_BYTES_PER_INSERT)) {
                    insertChunk(transaction, positions, chunk);
                    chunk.clear();
                    bytes = 0;
                }
                chunk.add(next);
                bytes += next.message().size();
            }
        }
        if (!chunk.isEmpty()) {
            insertChunk(transaction, positions, chunk);
        }
    }

    /** One multi-row INSERT: a single round trip however many rows. */
    private static void insertChunk(DSLContext transaction, Map<Subject, Position> positions, List<StoredMessage> chunk) {
        InsertValuesStep9<StoredMessageRecord, Long, Long, Long, String, String, Integer, Long, Long, byte[]> insert = newInsert(transaction);
        for (StoredMessage next : chunk) {
            Message message = next.message();
            insert = insert.values(positions.get(message.subject()).id(), next.sequence(), next.appendedAt(),
                    message.id().value(), TagsColumn.encode(message.tags()), (int) message.flags().bits(),
                    message.createdAt(), message.scheduledAt(), message.encoded());
        }
        insert.execute();
    }

    private static InsertValuesStep9<StoredMessageRecord, Long, Long, Long, String, String, Integer, Long, Long, byte[]> newInsert(DSLContext transaction) {
        return transaction.insertInto(STORED_MESSAGE, STORED_MESSAGE.SUBJECT_ID, STORED_MESSAGE.SUBJECT_SEQUENCE,
                STORED_MESSAGE.APPENDED_AT, STORED_MESSAGE.MESSAGE_ID, STORED_MESSAGE.TAGS, STORED_MESSAGE.FLAGS,
                STORED_MESSAGE.CREATED_AT, STORED_MESSAGE.SCHEDULED_AT, STORED_MESSAGE.ENCODED);
    }
}
