package io.qmq.acceptance;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.Given;
import io.qmq.acceptance.dsl.Scenario;
import io.qmq.acceptance.dsl.Then;
import io.qmq.acceptance.dsl.When;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A listener that fails gets the message again after the retry delay, until it becomes a dead letter. */
class RetryAcceptanceTest {

    @RegisterExtension
    final Scenario scenario = new Scenario();
    private final Given given = scenario.given();
    private final When when = scenario.when();
    private final Then then = scenario.then();

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void aFailedMessageIsRetriedAfterTheDelayThenDeadLettered(ClientKind client) {
        given.aStandaloneNode();
        given.group("billing").using(client).failingEveryTime().consumes("orders");
        given.group("billing").using(client).consumesDeadLettersOf("orders");

        when.producer(client).sends(5).allowingAttempts(3).to("orders");

        then.group("billing").receivesEachMessageTimes("orders", 3);
        then.group("billing").retriesEachMessageNoSoonerThanTheRetryDelay();
        then.deadLettersOf("billing").receivesAll("orders");
    }
}
