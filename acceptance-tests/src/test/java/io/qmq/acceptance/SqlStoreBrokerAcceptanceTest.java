package io.qmq.acceptance;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.Given;
import io.qmq.acceptance.dsl.Database;
import io.qmq.acceptance.dsl.Scenario;
import io.qmq.acceptance.dsl.Then;
import io.qmq.acceptance.dsl.When;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A broker that keeps its messages in SQL ({@code store.kind=sql}) serves the stock client as the file
 * log does: everything sent is received and acknowledged, and a SIGKILL loses nothing acknowledged. On
 * MariaDB the meta server keeps its meta-data there too (each in a database of its own).
 */
class SqlStoreBrokerAcceptanceTest {

    @RegisterExtension
    final Scenario scenario = new Scenario();
    private final Given given = scenario.given();
    private final When when = scenario.when();
    private final Then then = scenario.then();

    @ParameterizedTest
    @EnumSource(Database.class)
    void theStockClientSendsAndConsumesAndNothingAcknowledgedIsLostWhenTheBrokerIsKilled(Database database) {
        given.aClusterWithItsMetaDataIn(database);
        given.aBrokerGroupStoringMessagesIn(database, "s");
        given.group("billing").using(ClientKind.STOCK).consumes("orders");

        when.producer(ClientKind.STOCK).keepsSendingTo("orders");
        when.cluster().brokerIsKilledWhileMessagesAreSent("s");
        when.cluster().brokerRestarts("s");
        when.producer(ClientKind.STOCK).stopsSendingOnceItSucceedsAgain();

        // A group that starts after the restart reads only what the database kept.
        given.group("audit").using(ClientKind.STOCK).consumes("orders");
        then.group("audit").receivesAll("orders");
        then.group("billing").receivesAll("orders");
        then.brokerGroup("s").hasNothingUnfinishedFor("billing", "orders");
        then.brokerGroup("s").hasNothingUnfinishedFor("audit", "orders");
    }
}
