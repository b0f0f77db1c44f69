package io.qmq.adapters.sqlstore;

import static io.qmq.adapters.sqlstore.schema.Tables.CONSUMER_PROGRESS;
import static io.qmq.adapters.sqlstore.schema.Tables.SUBSCRIPTION_CURSOR;

import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.Subscription;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The row ids of subscriptions ({@code subscription_cursor}) and consumers ({@code consumer_progress}),
 * by which the pull log's other rows refer to them, remembered once known: rows are never deleted, so
 * an id never changes.
 *
 * <p>Rows are created on first use in their own short transaction, before the change that needs them;
 * a crash in between leaves a consumer with nothing pulled, which is what it had. Two threads creating
 * the same row both succeed: the loser's insert fails on the unique key and it reads the winner's id.
 */
final class ConsumptionKeys {

    private static final long NOTHING = -1;

    private final DSLContext sql;
    private final ConcurrentMap<Subscription, Long> subscriptions = new ConcurrentHashMap<>();
    private final ConcurrentMap<Consumer, Long> consumers = new ConcurrentHashMap<>();

    ConsumptionKeys(DSLContext sql) {
        this.sql = sql;
    }

    /** The consumer's id; empty for a consumer the log has never seen. */
    Optional<Long> consumer(Consumer consumer) {
        Long known = consumers.get(consumer);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> stored = findConsumer(consumer);
        stored.ifPresent(id -> consumers.put(consumer, id));
        return stored;
    }

    long consumerCreating(Consumer consumer) {
        return consumer(consumer).orElseGet(() -> {
            long subscription = subscriptionCreating(consumer.subscription());
            insertOnce(() -> sql.insertInto(CONSUMER_PROGRESS)
                    .set(CONSUMER_PROGRESS.SUBSCRIPTION_ID, subscription)
                    .set(CONSUMER_PROGRESS.CONSUMER_ID, consumer.id().value())
                    .set(CONSUMER_PROGRESS.PULLED, NOTHING)
                    .set(CONSUMER_PROGRESS.ACKED, NOTHING)
                    .execute());
            return consumer(consumer).orElseThrow(() -> new MessageLogException("consumer " + consumer + " vanished after its insert"));
        });
    }

    /** The subscription's id, creating its row (without a cursor) if needed. */
    long subscriptionCreating(Subscription subscription) {
        Long known = subscriptions.get(subscription);
        if (known != null) {
            return known;
        }
        Optional<Long> stored = findSubscription(subscription);
        if (stored.isEmpty()) {
            insertOnce(() -> sql.insertInto(SUBSCRIPTION_CURSOR)
                    .set(SUBSCRIPTION_CURSOR.SUBJECT, subscription.subject().name())
                    .set(SUBSCRIPTION_CURSOR.CONSUMER_GROUP, subscription.group().name())
                    .execute());
            stored = findSubscription(subscription);
        }
        long id = stored.orElseThrow(() -> new MessageLogException("subscription " + subscription + " vanished after its insert"));
        subscriptions.put(subscription, id);
        return id;
    }

    private Optional<Long> findSubscription(Subscription subscription) {
        return sql.select(SUBSCRIPTION_CURSOR.ID)
                .from(SUBSCRIPTION_CURSOR)
                .where(SUBSCRIPTION_CURSOR.SUBJECT.eq(subscription.subject().name()))
                .and(SUBSCRIPTION_CURSOR.CONSUMER_GROUP.eq(subscription.group().name()))
                .fetchOptional(SUBSCRIPTION_CURSOR.ID);
    }

    private Optional<Long> findConsumer(Consumer consumer) {
        return sql.select(CONSUMER_PROGRESS.ID)
                .from(CONSUMER_PROGRESS)
                .join(SUBSCRIPTION_CURSOR).on(SUBSCRIPTION_CURSOR.ID.eq(CONSUMER_PROGRESS.SUBSCRIPTION_ID))
                .where(SUBSCRIPTION_CURSOR.SUBJECT.eq(consumer.subscription().subject().name()))
                .and(SUBSCRIPTION_CURSOR.CONSUMER_GROUP.eq(consumer.subscription().group().name()))
                .and(CONSUMER_PROGRESS.CONSUMER_ID.eq(consumer.id().value()))
                .fetchOptional(CONSUMER_PROGRESS.ID);
    }

    private static void insertOnce(Runnable insert) {
        try {
            insert.run();
        } catch (DataAccessException e) {
            if (!UniqueKeys.violatedBy(e)) {
                throw e;
            }
        }
    }
}
