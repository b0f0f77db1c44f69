package io.qmq.adapters.sqlstore;

import static io.qmq.adapters.sqlstore.schema.Tables.MESSAGE_SUBJECT;
import static io.qmq.adapters.sqlstore.schema.Tables.STORED_MESSAGE;

import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

/**
 * The message log in tables {@code message_subject} and {@code stored_message} (see the V2 migration).
 * Appends go through one {@link GroupCommitWriter} thread, which batches them into transactions and
 * alone hands out sequences; reads are plain queries and see only committed transactions, which hold
 * a dense prefix of each subject's sequences because there is one writer.
 *
 * <p>One broker owns the tables: a second writer would hand out the same sequences and fail on the
 * primary key. Closing stops the append thread; the database belongs to its {@link SqlDatabase}.
 */
final class JooqMessageLog implements MessageLog {

    private final DSLContext sql;
    private final GroupCommitWriter writer;

    private JooqMessageLog(DSLContext sql, GroupCommitWriter writer) {
        this.sql = sql;
        this.writer = writer;
    }

    /** Starts the append thread over the database's message tables. */
    static JooqMessageLog open(SqlDatabase database, Clock clock) {
        DSLContext sql = database.dsl();
        MessageBatchWriter batches = new MessageBatchWriter(sql, clock, new SubjectPositions(sql));
        return new JooqMessageLog(sql, new GroupCommitWriter(batches, database.jdbcUrl()));
    }

    @Override
    public CompletableFuture<List<StoredMessage>> append(List<Message> messages) {
        return writer.submit(messages);
    }

    @Override
    public List<StoredMessage> read(Subject subject, long fromSequence, int maxMessages, int maxBytes) {
        if (maxMessages <= 0) {
            return List.of();
        }
        // the subject's id first, then a range scan of the primary key (subject_id, subject_sequence):
        // a join filtered on the name made H2 walk a secondary index row by row as the table grew
        Long subjectId;
        try {
            subjectId = sql.select(MESSAGE_SUBJECT.ID).from(MESSAGE_SUBJECT)
                    .where(MESSAGE_SUBJECT.SUBJECT.eq(subject.name())).fetchOne(MESSAGE_SUBJECT.ID);
        } catch (DataAccessException e) {
            throw new MessageLogException("could not look up subject '" + subject + "' in the SQL message log", e);
        }
        if (subjectId == null) {
            return List.of();
        }
        long from = Math.max(0, fromSequence);
        // sequences are dense, so [from, from + max) bounds the scan; H2 otherwise reads and sorts every
        // row from `from` to the end before applying the limit, which grew with the backlog
        List<StoredMessage> bounded = readRange(subject, subjectId, from, from + maxMessages - 1, maxMessages, maxBytes);
        if (!bounded.isEmpty()) {
            return bounded;
        }
        // nothing there: either the end of the subject, or `from` lies before the oldest message kept
        return readRange(subject, subjectId, from, Long.MAX_VALUE, maxMessages, maxBytes);
    }

    private List<StoredMessage> readRange(Subject subject, long subjectId, long first, long last, int maxMessages,
                                          int maxBytes) {
        try (Cursor<? extends Record> rows = sql
                .select(STORED_MESSAGE.SUBJECT_SEQUENCE, STORED_MESSAGE.APPENDED_AT, STORED_MESSAGE.MESSAGE_ID, STORED_MESSAGE.TAGS,
                        STORED_MESSAGE.FLAGS, STORED_MESSAGE.CREATED_AT, STORED_MESSAGE.SCHEDULED_AT, STORED_MESSAGE.ENCODED)
                .from(STORED_MESSAGE)
                .where(STORED_MESSAGE.SUBJECT_ID.eq(subjectId))
                .and(STORED_MESSAGE.SUBJECT_SEQUENCE.between(first, last))
                .orderBy(STORED_MESSAGE.SUBJECT_SEQUENCE)
                .limit(maxMessages)
                .fetchLazy()) {
            return upToBytes(subject, rows, maxBytes);
        } catch (DataAccessException e) {
            throw new MessageLogException("could not read subject '" + subject + "' from sequence " + first
                    + " in the SQL message log", e);
        }
    }

    /** The rows in order while they fit in {@code maxBytes}; the first one always. */
    private static List<StoredMessage> upToBytes(Subject subject, Cursor<? extends Record> rows, int maxBytes) {
        List<StoredMessage> messages = new ArrayList<>();
        long bytes = 0;
        for (Record row : rows) {
            StoredMessage next = toStoredMessage(subject, row);
            bytes += next.message().size();
            if (!messages.isEmpty() && bytes > maxBytes) {
                break;
            }
            messages.add(next);
        }
        return messages;
    }

    private static StoredMessage toStoredMessage(Subject subject, Record row) {
        Message message = new Message(subject, MessageId.of(row.get(STORED_MESSAGE.MESSAGE_ID)),
                TagsColumn.decode(row.get(STORED_MESSAGE.TAGS)), new MessageFlags(row.get(STORED_MESSAGE.FLAGS).byteValue()),
                row.get(STORED_MESSAGE.CREATED_AT), row.get(STORED_MESSAGE.SCHEDULED_AT), row.get(STORED_MESSAGE.ENCODED));
        return new StoredMessage(row.get(STORED_MESSAGE.SUBJECT_SEQUENCE), row.get(STORED_MESSAGE.APPENDED_AT), message);
    }

    /**
     * From the table rather than the append thread's memory: {@code next_sequence} commits together with
     * the messages, so it is never below a message a reader can see.
     */
    @Override
    public long endSequence(Subject subject) {
        try {
            return sql.select(MESSAGE_SUBJECT.NEXT_SEQUENCE)
                    .from(MESSAGE_SUBJECT)
                    .where(MESSAGE_SUBJECT.SUBJECT.eq(subject.name()))
                    .fetchOptional(MESSAGE_SUBJECT.NEXT_SEQUENCE)
                    .orElse(0L);
        } catch (DataAccessException e) {
            throw new MessageLogException("could not read the end of subject '" + subject + "' in the SQL message log", e);
        }
    }

    @Override
    public Set<Subject> subjects() {
        try {
            return sql.select(MESSAGE_SUBJECT.SUBJECT)
                    .from(MESSAGE_SUBJECT)
                    .fetch(MESSAGE_SUBJECT.SUBJECT)
                    .stream()
                    .map(Subject::of)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (DataAccessException e) {
            throw new MessageLogException("could not list the subjects of the SQL message log", e);
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
