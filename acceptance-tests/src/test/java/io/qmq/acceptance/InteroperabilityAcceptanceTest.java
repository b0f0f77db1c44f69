package io.qmq.acceptance;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.Given;
import io.qmq.acceptance.dsl.Scenario;
import io.qmq.acceptance.dsl.Then;
import io.qmq.acceptance.dsl.When;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stock client and ours share subjects: what one sends, the other consumes, tags and properties intact. */
class InteroperabilityAcceptanceTest {

    @RegisterExtension
    final Scenario scenario = new Scenario();
    private final Given given = scenario.given();
    private final When when = scenario.when();
    private final Then then = scenario.then();

    @ParameterizedTest(name = "sent with {0}, consumed with {1}")
    @CsvSource({"STOCK, QMQ", "QMQ, STOCK"})
    void whatOneClientSendsTheOtherConsumes(ClientKind producer, ClientKind consumer) {
        given.aStandaloneNode();
        given.group("billing").using(consumer).consumes("orders");
        given.group("urgent-billing").using(consumer).onlyTaggedWithAllOf("urgent").consumes("orders");

        when.producer(producer).sends(500).as("routine").to("orders");
        when.producer(producer).sends(100).taggedWith("urgent", "eu").as("urgent").to("orders");

        then.group("billing").receivesAll("orders");
        then.group("urgent-billing").receivesExactly("urgent");
    }
}
