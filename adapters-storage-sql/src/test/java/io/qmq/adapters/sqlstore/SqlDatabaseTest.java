package io.qmq.adapters.sqlstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.domain.cluster.BacklogReport;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.ClientRegistration;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, migrating, closing and failing, on an embedded H2 database. */
class SqlDatabaseTest {

    private static final BrokerGroup GROUP = new BrokerGroup("g-1", BrokerGroupKind.REALTIME, "10.0.0.1:20881", BrokerState.READ_WRITE, 1L);

    @TempDir
    Path dataDir;

    @Test
    void theEmbeddedDatabaseIsAnH2FileUnderTheDataDirectory() {
        try (SqlDatabase database = SqlDatabase.open(SqlStoreConfig.embeddedH2(dataDir))) {
            assertThat(database.dialect()).isEqualTo(SQLDialect.H2);
        }

        assertThat(dataDir.resolve("meta").resolve("qmq.mv.db")).isRegularFile();
    }

    @Test
    void reopeningAMigratedDatabaseMigratesAgainWithoutErrorAndKeepsItsData() {
        try (SqlDatabase first = SqlDatabase.open(SqlStoreConfig.embeddedH2(dataDir))) {
            new JooqBrokerGroupStore(first.dsl()).save(GROUP);
        }

        try (SqlDatabase second = SqlDatabase.open(SqlStoreConfig.embeddedH2(dataDir))) {
            assertThat(new JooqBrokerGroupStore(second.dsl()).find("g-1")).contains(GROUP);
        }
    }

    /**
     * A process killed right after a commit leaves only what H2 had written to its file by then: the copy
     * of the file taken before the database closes stands for what a SIGKILL leaves on disk.
     */
    @Test
    void aCommittedChangeIsInTheFileAsSoonAsTheCommitReturns(@TempDir Path crashImage) throws Exception {
        try (SqlDatabase database = SqlDatabase.open(SqlStoreConfig.embeddedH2(dataDir))) {
            new JooqBrokerGroupStore(database.dsl()).save(GROUP);

            Files.createDirectories(crashImage.resolve("meta"));
            Files.copy(dataDir.resolve("meta").resolve("qmq.mv.db"), crashImage.resolve("meta").resolve("qmq.mv.db"));
        }

        try (SqlDatabase afterTheCrash = SqlDatabase.open(SqlStoreConfig.embeddedH2(crashImage))) {
            assertThat(new JooqBrokerGroupStore(afterTheCrash.dsl()).find("g-1")).contains(GROUP);
        }
    }

    @Test
    void aNameWiderThanItsColumnIsRefusedRatherThanCut() {
        String tooLong = "g-" + "x".repeat(300);
        try (SqlDatabase database = SqlDatabase.open(SqlStoreConfig.embeddedH2(dataDir))) {
            JooqBrokerGroupStore store = new JooqBrokerGroupStore(database.dsl());

            assertThatThrownBy(() -> store.save(new BrokerGroup(tooLong, BrokerGroupKind.REALTIME, "h:1", BrokerState.READ_WRITE, 1L)))
                    .isInstanceOf(MetaDataStoreException.class)
                    .hasMessageContaining("group_name '" + tooLong + "' is longer than the 200 characters");
            assertThat(store.all()).isEmpty();
        }
    }

    @Test
    void everyStoreOfAClosedDatabaseFailsWithMetaDataStoreExceptionNamingWhatItWasAbout() {
        SqlDatabase database = SqlDatabase.open(SqlStoreConfig.embeddedH2(dataDir));
        JooqBrokerGroupStore groups = new JooqBrokerGroupStore(database.dsl());
        JooqSubjectRouteStore routes = new JooqSubjectRouteStore(database.dsl());
        JooqClientRegistrationStore clients = new JooqClientRegistrationStore(database.dsl());
        JooqBacklogReportStore backlogs = new JooqBacklogReportStore(database.dsl());
        Subject orders = Subject.of("orders");

        database.close();

        assertThatThrownBy(() -> groups.find("g-1")).isInstanceOf(MetaDataStoreException.class)
                .hasMessageContaining("could not read broker group 'g-1'").hasCauseInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> routes.assignIfAbsent(orders, List.of("g-1")))
                .isInstanceOf(MetaDataStoreException.class).hasMessageContaining("'orders'");
        assertThatThrownBy(() -> clients.record(new ClientRegistration(orders, ClientType.CONSUMER, "app", "c-9", "billing", 1L)))
                .isInstanceOf(MetaDataStoreException.class).hasMessageContaining("'c-9'").hasMessageContaining("'orders'");
        assertThatThrownBy(() -> backlogs.save(new BacklogReport("g-1", 1L, true, List.of())))
                .isInstanceOf(MetaDataStoreException.class).hasMessageContaining("broker group 'g-1'");
    }

    @Test
    void anUnreachableServerFailsToOpenNamingItsUrl() {
        String url = "jdbc:mysql://127.0.0.1:1/nowhere?connectTimeout=500";

        assertThatThrownBy(() -> SqlDatabase.open(new SqlStoreConfig(url, "root", "", 1)))
                .isInstanceOf(MetaDataStoreException.class)
                .hasMessageContaining(url);
    }
}
