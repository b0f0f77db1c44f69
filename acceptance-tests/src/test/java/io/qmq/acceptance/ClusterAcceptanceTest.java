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
 * A meta server, broker groups and a delay node in separate processes: brokers register themselves,
 * subjects spread over the groups, delayed sends go through the delay group, a dead broker costs producers
 * seconds and consumers nothing acknowledged, and a dead meta server costs clients nothing.
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

    @Test
    void delayedSendsOfEitherClientGoThroughTheDelayNodeAndArriveThroughTheRealtimeGroups() {
        given.aClusterWithBrokerGroups("a", "b");
        given.aDelayNode("d");
        given.group("billing").using(ClientKind.STOCK).consumes("reminders");

        when.producer(ClientKind.STOCK).sends(100).dueIn(Duration.ofSeconds(3)).to("reminders");
        when.producer(ClientKind.QMQ).sends(100).dueIn(Duration.ofSeconds(3)).to("reminders");

        then.brokerGroup("d").scheduledEveryDelayedMessageOf("reminders");
        then.group("billing").receivesAll("reminders");
        then.group("billing").receivedNoneBeforeItWasDue();
        then.brokerGroup("a").storedSomeOf("reminders");
        then.brokerGroup("b").storedSomeOf("reminders");
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void clientsCarryOnThroughAMetaServerRestartAndAConsumerThatRegistersAfterwardsIsServed(ClientKind client) {
        given.aClusterWithBrokerGroups("a", "b");
        given.group("billing").using(client).consumes("orders");

        when.producer(client).keepsSendingTo("orders");
        when.cluster().metaServerIsKilledWhileMessagesAreSent();
        // Producers hold their routes: the brokers answer them while no meta server does.
        when.cluster().producersKeepBeingAcknowledgedFor(Duration.ofSeconds(5));
        when.cluster().metaServerRestarts();
        when.producer(client).stopsSendingOnceItSucceedsAgain();

        given.group("audit").using(client).consumes("orders");
        then.group("billing").receivesAll("orders");
        then.group("audit").receivesAll("orders");
    }
}
