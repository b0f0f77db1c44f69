package io.qmq.acceptance;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.Given;
import io.qmq.acceptance.dsl.Scenario;
import io.qmq.acceptance.dsl.Then;
import io.qmq.acceptance.dsl.When;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operator marks a broker group read-only through the meta server's admin endpoint: producers are
 * routed to the other group only, while consumers still drain what the marked group holds. The same
 * endpoint lists a consumer group's backlog over both broker groups as it builds up and drains.
 */
class ReadOnlyGroupAcceptanceTest {

    @RegisterExtension
    final Scenario scenario = new Scenario();
    private final Given given = scenario.given();
    private final When when = scenario.when();
    private final Then then = scenario.then();

    @Test
    void aGroupMarkedReadOnlyReceivesNoNewSendsWhileItsBacklogIsStillConsumed() {
        given.aClusterWithBrokerGroups("a", "b");
        when.producer(ClientKind.STOCK).sends(200).to("orders");
        then.brokerGroup("b").storedSomeOf("orders");

        long storedWhenMarked = when.cluster().groupIsMarkedReadOnly("b", "orders");
        // A producer that looks the route up after the mark is given group a only.
        when.producer(ClientKind.QMQ).sends(200).to("orders");

        then.brokerGroup("b").storedNoMoreOf("orders", storedWhenMarked);
        given.group("billing").using(ClientKind.QMQ).consumes("orders");
        then.group("billing").receivesAll("orders");
    }

    @Test
    void theConsumersListingShowsAGroupsBacklogOverBothBrokerGroupsUntilItDrains() {
        given.aClusterWithBrokerGroups("a", "b");
        given.group("billing").using(ClientKind.QMQ).paused().consumes("orders");
        when.producer(ClientKind.QMQ).sends(200).to("orders");

        then.backlogOf("billing").showsABacklogIn("orders");
        when.groupResumes("billing");
        then.group("billing").receivesAll("orders");
        then.backlogOf("billing").showsNoBacklogIn("orders");
    }
}
