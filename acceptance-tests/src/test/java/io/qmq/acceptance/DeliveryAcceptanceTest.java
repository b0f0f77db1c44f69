package io.qmq.acceptance;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.Given;
import io.qmq.acceptance.dsl.Scenario;
import io.qmq.acceptance.dsl.Then;
import io.qmq.acceptance.dsl.When;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Messages sent to a subject reach its consumer groups, none missing. */
class DeliveryAcceptanceTest {

    @RegisterExtension
    final Scenario scenario = new Scenario();
    private final Given given = scenario.given();
    private final When when = scenario.when();
    private final Then then = scenario.then();

    @ParameterizedTest(name = "{1} messages with the {0} client")
    @CsvSource({"QMQ, 100000", "STOCK, 20000"})
    void everyMessageSentIsConsumedByTheGroup(ClientKind client, int messages) {
        given.aStandaloneNode();
        given.group("billing").using(client).consumes("orders");

        when.producer(client).sends(messages).to("orders");

        then.group("billing").receivesAll("orders");
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void eachGroupReceivesEveryMessage(ClientKind client) {
        given.aStandaloneNode();
        given.group("billing").using(client).consumes("orders");
        given.group("shipping").using(client).consumes("orders");

        when.producer(client).sends(2_000).to("orders");

        then.group("billing").receivesAll("orders");
        then.group("shipping").receivesAll("orders");
    }
}
