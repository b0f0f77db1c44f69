package io.qmq.adapters.sqlstore;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.BindsInstance;
import dagger.Component;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module wired the way bootstrap selects a store: by key, through providers, opened only when chosen. */
class SqlMessageStoreModuleTest {

    private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");

    @Singleton
    @Component(modules = {SqlStorageModule.class, SqlMessageStoreModule.class})
    interface BrokerStoreComponent {
        Map<String, Provider<MessageLog>> messageLogs();

        Map<String, Provider<PullLog>> pullLogs();

        SqlDatabase database();

        @Component.Factory
        interface Factory {
            BrokerStoreComponent create(@BindsInstance SqlStoreConfig config, @BindsInstance Clock clock);
        }
    }

    @TempDir
    Path dataDir;

    private BrokerStoreComponent component() {
        return DaggerSqlMessageStoreModuleTest_BrokerStoreComponent.factory()
                .create(SqlStoreConfig.embeddedH2(dataDir), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void contributesBothLogsUnderSqlWithoutOpeningTheDatabase() {
        BrokerStoreComponent component = component();

        assertThat(component.messageLogs()).containsOnlyKeys("sql");
        assertThat(component.pullLogs()).containsOnlyKeys("sql");
        assertThat(Files.exists(dataDir.resolve("meta"))).as("database opened before a log was chosen").isFalse();
    }

    @Test
    void theChosenLogsShareOneDatabaseAndStampTheComponentsClock() {
        BrokerStoreComponent component = component();
        MessageLog log = component.messageLogs().get("sql").get();
        PullLog pullLog = component.pullLogs().get("sql").get();
        Subject subject = Subject.of("orders");
        Message message = new Message(subject, MessageId.of("m-1"), Tags.NONE, MessageFlags.of(false, false), 1L, 0L, new byte[] {1, 2, 3});

        List<StoredMessage> stored = log.append(List.of(message)).orTimeout(10, TimeUnit.SECONDS).join();
        pullLog.openCursor(new Subscription(subject, ConsumerGroup.of("billing")), 0);

        assertThat(component.messageLogs().get("sql").get()).isSameAs(log);
        assertThat(component.pullLogs().get("sql").get()).isSameAs(pullLog);
        assertThat(stored).containsExactly(new StoredMessage(0, NOW.toEpochMilli(), message));
        assertThat(log.read(subject, 0, 10, Integer.MAX_VALUE)).isEqualTo(stored);
        assertThat(pullLog.subscriptions()).containsExactly(new Subscription(subject, ConsumerGroup.of("billing")));
        log.close();
        pullLog.close();
        component.database().close();
    }
}
