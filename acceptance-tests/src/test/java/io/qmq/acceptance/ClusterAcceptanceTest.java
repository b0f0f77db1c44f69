package io.qmq.acceptance;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.Given;
import io.qmq.acceptance.dsl.Scenario;
import io.qmq.acceptance.dsl.Then;
import io.qmq.acceptance.dsl.When;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A meta server and broker groups in separate processes: brokers register themselves, subjects spread
 * over the groups, and a dead broker costs producers seconds and consumers nothing acknowledged.
 */
class ClusterAcceptanceTest {

    @RegisterExtension
    final Scenario scenario = new Scenario();
    private final Given given = scenario.given();
    private final When when = scenario.when();
    private final Then then = scenario.then();

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void sendsSpreadOverBothGroupsAndOneConsumerGroupReceivesAll(ClientKind client) {
        given.aClusterWithBrokerGroups("a", "b");
        given.group("billing").using(client).consumes("orders");

        when.producer(client).sends(400).to("orders");

        then.brokerGroup("a").storedSomeOf("orders");
        then.brokerGroup("b").storedSomeOf("orders");
        then.group("billing").receivesAll("orders");
    }

    @Test
    void aBrokerThatJoinsLaterIsRoutedToWithNoManualStep() {
        given.aClusterWithBrokerGroups("a");
        when.producer(ClientKind.QMQ).sends(50).to("orders");

        when.cluster().brokerJoins("b");
        // An application that asks for the subject's route now finds it topped up to both groups
        // (applications already running see it at their next route refresh, within a minute).
        when.producer(ClientKind.STOCK).sends(400).to("orders");

        then.brokerGroup("b").storedSomeOf("orders");
        given.group("billing").using(ClientKind.QMQ).consumes("orders");
        then.group("billing").receivesAll("orders");
    }

    @Test
    void producersMoveOffAKilledBrokerAndEveryAcknowledgedMessageIsConsumedAfterItRestarts() {
        given.aClusterWithBrokerGroups("a", "b");
        given.group("billing").using(ClientKind.QMQ).consumes("orders");

        when.producer(ClientKind.QMQ).keepsSendingTo("orders");
        when.cluster().brokerIsKilledWhileMessagesAreSent("a");
        when.cluster().producersCarryOnWithin(Duration.ofSeconds(10));
        when.cluster().brokerRestarts("a");
        when.producer(ClientKind.QMQ).stopsSendingOnceItSucceedsAgain();

        then.group("billing").receivesAll("orders");
    }
}
