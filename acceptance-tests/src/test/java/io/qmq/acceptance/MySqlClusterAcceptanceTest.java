package io.qmq.acceptance;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.Given;
import io.qmq.acceptance.dsl.Scenario;
import io.qmq.acceptance.dsl.Then;
import io.qmq.acceptance.dsl.When;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster with its meta server's data in MySQL (the local MariaDB, a fresh database per scenario)
 * instead of embedded H2. Skipped, with a message, where no server answers.
 */
class MySqlClusterAcceptanceTest {

    @RegisterExtension
    final Scenario scenario = new Scenario();
    private final Given given = scenario.given();
    private final When when = scenario.when();
    private final Then then = scenario.then();

    @Test
    void sendsSpreadOverBothGroupsAndOneConsumerGroupReceivesAll() {
        given.aClusterOnMySqlWithBrokerGroups("a", "b");
        given.group("billing").using(ClientKind.STOCK).consumes("orders");

        when.producer(ClientKind.QMQ).sends(400).to("orders");

        then.brokerGroup("a").storedSomeOf("orders");
        then.brokerGroup("b").storedSomeOf("orders");
        then.group("billing").receivesAll("orders");
    }

    @Test
    void aBrokerThatJoinsLaterIsRoutedToWithNoManualStep() {
        given.aClusterOnMySqlWithBrokerGroups("a");
        when.producer(ClientKind.QMQ).sends(50).to("orders");

        when.cluster().brokerJoins("b");
        when.producer(ClientKind.STOCK).sends(400).to("orders");

        then.brokerGroup("b").storedSomeOf("orders");
        given.group("billing").using(ClientKind.STOCK).consumes("orders");
        then.group("billing").receivesAll("orders");
    }
}
