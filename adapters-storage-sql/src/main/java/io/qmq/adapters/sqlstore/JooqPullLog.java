package io.qmq.adapters.sqlstore;

import static io.qmq.adapters.sqlstore.schema.Tables.CONSUMER_PROGRESS;
import static io.qmq.adapters.sqlstore.schema.Tables.PULL_MAPPING;
import static io.qmq.adapters.sqlstore.schema.Tables.SUBSCRIPTION_CURSOR;

import io.qmq.application.port.out.MessageLogException;
import io.qmq.application.port.out.PullLog;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.ConsumerId;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The pull log in tables {@code subscription_cursor}, {@code consumer_progress} and {@code pull_mapping}
 * (see the V2 migration). Every change is one transaction, committed before the method returns.
 *
 * <p>Callers serialise the changes of one subscription, so a change may read a consumer's progress and
 * write it back without a row lock; changes of different subscriptions touch different rows. Failures
 * are {@link MessageLogException}s naming the consumer or subscription.
 */
final class JooqPullLog implements PullLog {

    private final DSLContext sql;
    private final ConsumptionKeys keys;
    private final PullMappings mappings;
    private volatile boolean closed;

    JooqPullLog(DSLContext sql) {
        this.sql = sql;
        this.keys = new ConsumptionKeys(sql);
        this.mappings = new PullMappings();
    }

    @Override
    public OptionalLong cursor(Subscription subscription) {
        return attempt("read the cursor of " + subscription, () -> {
            Long cursor = sql.select(SUBSCRIPTION_CURSOR.CURSOR_POSITION)
                    .from(SUBSCRIPTION_CURSOR)
                    .where(SUBSCRIPTION_CURSOR.SUBJECT.eq(subscription.subject().name()))
                    .and(SUBSCRIPTION_CURSOR.CONSUMER_GROUP.eq(subscription.group().name()))
                    .fetchOptional(SUBSCRIPTION_CURSOR.CURSOR_POSITION)
                    .orElse(null);
            return cursor == null ? OptionalLong.empty() : OptionalLong.of(cursor);
        });
    }

    @Override
    public long openCursor(Subscription subscription, long startSequence) {
        return attempt("open the cursor of " + subscription + " at " + startSequence, () -> {
            long id = keys.subscriptionCreating(subscription);
            sql.update(SUBSCRIPTION_CURSOR)
                    .set(SUBSCRIPTION_CURSOR.CURSOR_POSITION, startSequence)
                    .where(SUBSCRIPTION_CURSOR.ID.eq(id))
                    .and(SUBSCRIPTION_CURSOR.CURSOR_POSITION.isNull())
                    .execute();
            return sql.select(SUBSCRIPTION_CURSOR.CURSOR_POSITION)
                    .from(SUBSCRIPTION_CURSOR)
                    .where(SUBSCRIPTION_CURSOR.ID.eq(id))
                    .fetchSingle(SUBSCRIPTION_CURSOR.CURSOR_POSITION);
        });
    }

    @Override
    public void advanceCursor(Subscription subscription, long cursor) {
        attempt("advance the cursor of " + subscription + " to " + cursor, () -> {
            advance(sql, keys.subscriptionCreating(subscription), cursor);
            return null;
        });
    }

    /** Moves the cursor forward only: a cursor never goes back, and a missing one starts here. */
    private static void advance(DSLContext sql, long subscriptionId, long cursor) {
        sql.update(SUBSCRIPTION_CURSOR)
                .set(SUBSCRIPTION_CURSOR.CURSOR_POSITION, cursor)
                .where(SUBSCRIPTION_CURSOR.ID.eq(subscriptionId))
                .and(SUBSCRIPTION_CURSOR.CURSOR_POSITION.isNull().or(SUBSCRIPTION_CURSOR.CURSOR_POSITION.lt(cursor)))
                .execute();
    }

    @Override
    public ConsumerProgress progress(Consumer consumer) {
        return attempt("read the progress of " + consumer, () -> keys.consumer(consumer)
                .map(id -> progressOf(sql, id))
                .orElse(ConsumerProgress.NEW));
    }

    private static ConsumerProgress progressOf(DSLContext sql, long consumerId) {
        return sql.select(CONSUMER_PROGRESS.PULLED, CONSUMER_PROGRESS.ACKED)
                .from(CONSUMER_PROGRESS)
                .where(CONSUMER_PROGRESS.ID.eq(consumerId))
                .fetchSingle(row -> new ConsumerProgress(row.value1(), row.value2()));
    }

    @Override
    public void recordPull(Consumer consumer, long firstPullSequence, long[] subjectSequences, long cursorAfter) {
        long lastPullSequence = firstPullSequence + subjectSequences.length - 1;
        attempt("record pull sequences " + firstPullSequence + ".." + lastPullSequence + " of " + consumer, () -> {
            long id = keys.consumerCreating(consumer);
            long subscriptionId = keys.subscriptionCreating(consumer.subscription());
            sql.transaction(transaction -> {
                DSLContext tx = transaction.dsl();
                mappings.replace(tx, id, firstPullSequence, subjectSequences);
                ConsumerProgress progress = progressOf(tx, id).afterPull(lastPullSequence);
                tx.update(CONSUMER_PROGRESS)
                        .set(CONSUMER_PROGRESS.PULLED, progress.pulled())
                        .where(CONSUMER_PROGRESS.ID.eq(id))
                        .execute();
                advance(tx, subscriptionId, cursorAfter);
            });
            return null;
        });
    }

    @Override
    public void recordAck(Consumer consumer, SequenceRange pullSequences) {
        attempt("record the ack of pull sequences " + pullSequences + " of " + consumer, () -> {
            long id = keys.consumerCreating(consumer);
            sql.transaction(transaction -> {
                DSLContext tx = transaction.dsl();
                ConsumerProgress before = progressOf(tx, id);
                ConsumerProgress after = before.acknowledge(pullSequences).progress();
                if (!after.equals(before)) {
                    tx.update(CONSUMER_PROGRESS)
                            .set(CONSUMER_PROGRESS.PULLED, after.pulled())
                            .set(CONSUMER_PROGRESS.ACKED, after.acked())
                            .where(CONSUMER_PROGRESS.ID.eq(id))
                            .execute();
                    mappings.forgetThrough(tx, id, after.acked());
                }
            });
            return null;
        });
    }

    @Override
    public long[] subjectSequences(Consumer consumer, SequenceRange pullSequences) {
        return attempt("look up pull sequences " + pullSequences + " of " + consumer, () -> keys.consumer(consumer)
                .map(id -> mappings.lookup(sql, id, pullSequences))
                .orElseGet(() -> unknown(pullSequences)));
    }

    private static long[] unknown(SequenceRange pullSequences) {
        long[] none = new long[Math.toIntExact(pullSequences.count())];
        Arrays.fill(none, -1);
        return none;
    }

    @Override
    public List<Consumer> consumers() {
        return attempt("list the consumers", () -> sql
                .select(SUBSCRIPTION_CURSOR.SUBJECT, SUBSCRIPTION_CURSOR.CONSUMER_GROUP, CONSUMER_PROGRESS.CONSUMER_ID)
                .from(CONSUMER_PROGRESS)
                .join(SUBSCRIPTION_CURSOR).on(SUBSCRIPTION_CURSOR.ID.eq(CONSUMER_PROGRESS.SUBSCRIPTION_ID))
                .fetch(row -> new Consumer(subscriptionOf(row.value1(), row.value2()), ConsumerId.of(row.value3()))));
    }

    @Override
    public List<Subscription> subscriptions() {
        return attempt("list the subscriptions", () -> sql
                .select(SUBSCRIPTION_CURSOR.SUBJECT, SUBSCRIPTION_CURSOR.CONSUMER_GROUP)
                .from(SUBSCRIPTION_CURSOR)
                .where(SUBSCRIPTION_CURSOR.CURSOR_POSITION.isNotNull())
                .fetch(row -> subscriptionOf(row.value1(), row.value2())));
    }

    private static Subscription subscriptionOf(String subject, String group) {
        return new Subscription(Subject.of(subject), ConsumerGroup.of(group));
    }

    /** Nothing to release: the connections belong to the {@link SqlDatabase}. Later calls fail. */
    @Override
    public void close() {
        closed = true;
    }

    private <T> T attempt(String what, Supplier<T> action) {
        if (closed) {
            throw new MessageLogException("cannot " + what + ": the SQL pull log is closed");
        }
        try {
            return action.get();
        } catch (DataAccessException e) {
            throw new MessageLogException("could not " + what + " in the SQL pull log", e);
        }
    }
}
