package io.qmq.adapters.sqlstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.message.Subject;
import java.util.List;
import java.util.UUID;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opening, migrating and failing on the local MariaDB; skipped when it is not running. */
class SqlDatabaseMySqlTest {

    @BeforeAll
    static void mariaDb() {
        LocalMariaDb.assumeReachable();
    }

    @Test
    void aMySqlUrlLeadingToMariaDbIsSpokenToAsMariaDb() {
        try (SqlDatabase database = SqlDatabase.open(LocalMariaDb.CONFIG)) {
            assertThat(database.dialect()).isEqualTo(SQLDialect.MARIADB);
        }
    }

    @Test
    void reopeningAMigratedDatabaseMigratesAgainWithoutErrorAndKeepsItsData() {
        Subject subject = Subject.of("subject-" + UUID.randomUUID());
        try (SqlDatabase first = SqlDatabase.open(LocalMariaDb.CONFIG)) {
            new JooqBrokerGroupStore(first.dsl()).save(new BrokerGroup("g-1", BrokerGroupKind.REALTIME, "10.0.0.1:20881",
                    BrokerState.READ_WRITE, 1L));
            new JooqSubjectRouteStore(first.dsl()).assignIfAbsent(subject, List.of("g-1"));
        }

        try (SqlDatabase second = SqlDatabase.open(LocalMariaDb.CONFIG)) {
            assertThat(new JooqSubjectRouteStore(second.dsl()).groupsOf(subject)).containsExactly("g-1");
        }
    }

    @Test
    void aClosedDatabaseFailsWithMetaDataStoreExceptionNamingTheSubject() {
        Subject subject = Subject.of("subject-" + UUID.randomUUID());
        SqlDatabase database = SqlDatabase.open(LocalMariaDb.CONFIG);
        JooqSubjectRouteStore routes = new JooqSubjectRouteStore(database.dsl());

        database.close();

        assertThatThrownBy(() -> routes.assignIfAbsent(subject, List.of("g-1")))
                .isInstanceOf(MetaDataStoreException.class)
                .hasMessageContaining("'" + subject + "'")
                .hasCauseInstanceOf(DataAccessException.class);
    }

    @Test
    void aGroupNameWiderThanItsColumnIsRefusedAndAssignsNothing() {
        Subject subject = Subject.of("subject-" + UUID.randomUUID());
        try (SqlDatabase database = SqlDatabase.open(LocalMariaDb.CONFIG)) {
            JooqSubjectRouteStore routes = new JooqSubjectRouteStore(database.dsl());

            assertThatThrownBy(() -> routes.assignIfAbsent(subject, List.of("g-1", "g-" + "x".repeat(300))))
                    .isInstanceOf(MetaDataStoreException.class)
                    .hasMessageContaining("is longer than the 200 characters");
            assertThat(routes.groupsOf(subject)).isEmpty();
        }
    }
}
