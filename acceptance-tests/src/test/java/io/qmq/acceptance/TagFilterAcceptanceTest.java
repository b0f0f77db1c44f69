package io.qmq.acceptance;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.Given;
import io.qmq.acceptance.dsl.Scenario;
import io.qmq.acceptance.dsl.Then;
import io.qmq.acceptance.dsl.When;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The broker hands a group only the messages its tag filter selects. */
class TagFilterAcceptanceTest {

    @RegisterExtension
    final Scenario scenario = new Scenario();
    private final Given given = scenario.given();
    private final When when = scenario.when();
    private final Then then = scenario.then();

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void groupsReceiveOnlyTheTagsTheyAskFor(ClientKind client) {
        given.aStandaloneNode();
        given.group("red-and-small").using(client).onlyTaggedWithAllOf("red", "small").consumes("shirts");
        given.group("red-or-blue").using(client).onlyTaggedWithAnyOf("red", "blue").consumes("shirts");
        given.group("everything").using(client).consumes("shirts");

        when.producer(client).sends(5).taggedWith("red", "small").as("red small").to("shirts");
        when.producer(client).sends(5).taggedWith("red", "large").as("red large").to("shirts");
        when.producer(client).sends(5).taggedWith("blue").as("blue").to("shirts");
        when.producer(client).sends(5).taggedWith("small").as("small").to("shirts");
        when.producer(client).sends(5).as("untagged").to("shirts");

        then.group("red-and-small").receivesExactly("red small");
        then.group("red-or-blue").receivesExactly("red small", "red large", "blue");
        then.group("everything").receivesExactly("red small", "red large", "blue", "small", "untagged");
    }
}
