package io.qmq.acceptance;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.Given;
import io.qmq.acceptance.dsl.NodeSettings;
import io.qmq.acceptance.dsl.Scenario;
import io.qmq.acceptance.dsl.Then;
import io.qmq.acceptance.dsl.When;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a consumer took but never finished goes to another consumer of its group once it is gone. */
class RedeliveryAcceptanceTest {

    @RegisterExtension
    final Scenario scenario = new Scenario();
    private final Given given = scenario.given();
    private final When when = scenario.when();
    private final Then then = scenario.then();

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void messagesHeldByADisconnectedConsumerGoToAnotherOfItsGroup(ClientKind client) {
        given.aStandaloneNode(NodeSettings.defaults().consumersOfflineAfter(Duration.ofSeconds(5)));
        given.consumer("holder").inGroup("billing").using(client).neverAcknowledging().consumes("orders");
        when.producer(client).sends(30).to("orders");
        then.consumerReceivesAll("holder", "orders");

        when.consumerDisconnects("holder");
        given.consumer("rescuer").inGroup("billing").using(client).consumes("orders");

        then.consumerReceivesAll("rescuer", "orders");
    }
}
