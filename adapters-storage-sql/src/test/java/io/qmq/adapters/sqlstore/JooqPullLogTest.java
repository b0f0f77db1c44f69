package io.qmq.adapters.sqlstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.ConsumerId;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the SQL pull log adds to the contract: failures name what they were about, a pull may be recorded again. */
class JooqPullLogTest {

    private static final Subscription ORDERS = new Subscription(Subject.of("orders"), ConsumerGroup.of("billing"));
    private static final Consumer CONSUMER = new Consumer(ORDERS, ConsumerId.of("host@@c-1"));

    @TempDir
    Path dataDir;
    private TestDatabase database;
    private JooqPullLog pullLog;

    @BeforeEach
    void open() {
        database = new TestDatabase(SqlStoreConfig.embeddedH2(dataDir));
        pullLog = new JooqPullLog(database.sql());
    }

    @AfterEach
    void close() {
        pullLog.close();
        database.close();
    }

    @Test
    void recordingAPullAgainReplacesItsMappings() {
        pullLog.recordPull(CONSUMER, 0, new long[] {5, 6, 7}, 8);

        pullLog.recordPull(CONSUMER, 1, new long[] {9, 10, 11}, 12);

        assertThat(pullLog.subjectSequences(CONSUMER, SequenceRange.of(0, 3))).containsExactly(5, 9, 10, 11);
        assertThat(pullLog.progress(CONSUMER)).isEqualTo(new ConsumerProgress(3, -1));
    }

    @Test
    void anAckOfAnUnknownConsumerIsRememberedWithoutOpeningItsSubscription() {
        pullLog.recordAck(CONSUMER, SequenceRange.of(0, 4));

        assertThat(pullLog.progress(CONSUMER)).isEqualTo(new ConsumerProgress(4, 4));
        assertThat(pullLog.consumers()).containsExactly(CONSUMER);
        assertThat(pullLog.subscriptions()).isEmpty();
        assertThat(pullLog.cursor(ORDERS)).isEmpty();
    }

    @Test
    void aClosedDatabaseFailsEveryCallWithAMessageLogExceptionNamingTheConsumer() {
        database.close();

        assertThatThrownBy(() -> pullLog.recordPull(CONSUMER, 0, new long[] {1}, 2))
                .isInstanceOf(MessageLogException.class).hasMessageContaining("host@@c-1").hasMessageContaining("0..0");
        assertThatThrownBy(() -> pullLog.recordAck(CONSUMER, SequenceRange.of(0, 0)))
                .isInstanceOf(MessageLogException.class).hasMessageContaining("host@@c-1");
        assertThatThrownBy(() -> pullLog.openCursor(ORDERS, 0))
                .isInstanceOf(MessageLogException.class).hasMessageContaining("billing@orders");
    }

    @Test
    void aClosedPullLogRefusesCalls() {
        pullLog.close();

        assertThatThrownBy(() -> pullLog.progress(CONSUMER)).isInstanceOf(MessageLogException.class).hasMessageContaining("closed");
    }
}
