package io.qmq.adapters.sqlstore;

import static io.qmq.adapters.sqlstore.schema.Tables.MESSAGE_SUBJECT;
import static io.qmq.adapters.sqlstore.schema.Tables.STORED_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQL message log adds to the contract: failed groups leave no hole, close stores what it admitted. */
class JooqMessageLogTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    @TempDir
    Path dataDir;
    private TestDatabase database;
    private JooqMessageLog log;

    @BeforeEach
    void open() {
        database = new TestDatabase(SqlStoreConfig.embeddedH2(dataDir));
        log = JooqMessageLog.open(database.database(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        log.close();
        database.close();
    }

    private static Message message(Subject subject) {
        return new Message(subject, MessageId.of("id-" + IDS.incrementAndGet()), Tags.of("a:b", "1:x"),
                MessageFlags.of(false, true), 1L, 0L, new byte[] {7, 8, 9});
    }

    private List<StoredMessage> append(Message... messages) {
        return log.append(List.of(messages)).orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void aFailedGroupFailsItsAppendsAndTheNextGroupReusesTheirSequences() {
        Subject subject = Subject.of("orders-" + UUID.randomUUID());
        append(message(subject), message(subject));
        DSLContext sql = database.sql();
        long subjectId = sql.select(MESSAGE_SUBJECT.ID).from(MESSAGE_SUBJECT).where(MESSAGE_SUBJECT.SUBJECT.eq(subject.name())).fetchSingle().value1();
        sql.insertInto(STORED_MESSAGE).set(STORED_MESSAGE.SUBJECT_ID, subjectId).set(STORED_MESSAGE.SUBJECT_SEQUENCE, 3L)
                .set(STORED_MESSAGE.APPENDED_AT, 0L).set(STORED_MESSAGE.MESSAGE_ID, "squatter").set(STORED_MESSAGE.TAGS, "")
                .set(STORED_MESSAGE.FLAGS, 0).set(STORED_MESSAGE.CREATED_AT, 0L).set(STORED_MESSAGE.SCHEDULED_AT, 0L)
                .set(STORED_MESSAGE.ENCODED, new byte[] {1}).execute();

        assertThatThrownBy(() -> append(message(subject), message(subject)))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(MessageLogException.class).hasMessageContaining(subject.name());
        assertThat(log.read(subject, 0, 10, Integer.MAX_VALUE)).as("nothing of the failed group is stored")
                .extracting(StoredMessage::sequence).containsExactly(0L, 1L, 3L);
        sql.deleteFrom(STORED_MESSAGE).where(STORED_MESSAGE.MESSAGE_ID.eq("squatter")).execute();

        assertThat(append(message(subject)).get(0).sequence()).isEqualTo(2);
        assertThat(log.read(subject, 0, 10, Integer.MAX_VALUE)).extracting(StoredMessage::sequence).containsExactly(0L, 1L, 2L);
        assertThat(log.endSequence(subject)).isEqualTo(3);
    }

    @Test
    void closeStoresEveryAppendAdmittedBeforeItAndRefusesTheRest() throws InterruptedException {
        Subject subject = Subject.of("orders-" + UUID.randomUUID());
        List<CompletableFuture<List<StoredMessage>>> appends = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 2_000; i++) {
                appends.add(log.append(List.of(message(subject))));
            }
        });
        producer.start();
        while (appends.size() < 100) {
            Thread.onSpinWait();
        }

        log.close();
        producer.join(TimeUnit.SECONDS.toMillis(10));

        List<StoredMessage> stored = new ArrayList<>();
        for (CompletableFuture<List<StoredMessage>> append : List.copyOf(appends)) {
            try {
                stored.addAll(append.get(10, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(MessageLogException.class).hasMessageContaining("closed");
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("an append neither stored nor refused after close", e);
            }
        }
        log = JooqMessageLog.open(database.database(), Clock.systemUTC());
        assertThat(stored).hasSizeGreaterThanOrEqualTo(100);
        assertThat(log.read(subject, 0, 5_000, Integer.MAX_VALUE)).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(log.endSequence(subject)).isEqualTo(stored.size());
    }

    @Test
    void aClosedDatabaseFailsAppendsAndReadsWithMessageLogExceptionsNamingTheSubject() {
        Subject subject = Subject.of("orders-" + UUID.randomUUID());
        database.close();

        assertThatThrownBy(() -> append(message(subject)))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(MessageLogException.class).hasMessageContaining(subject.name());
        assertThatThrownBy(() -> log.read(subject, 0, 1, 100))
                .isInstanceOf(MessageLogException.class).hasMessageContaining(subject.name());
        assertThatThrownBy(() -> log.endSequence(subject))
                .isInstanceOf(MessageLogException.class).hasMessageContaining(subject.name());
    }
}
