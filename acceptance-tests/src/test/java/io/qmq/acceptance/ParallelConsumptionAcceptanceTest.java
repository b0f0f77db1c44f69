package io.qmq.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.Given;
import io.qmq.acceptance.dsl.Scenario;
import io.qmq.acceptance.dsl.Then;
import io.qmq.acceptance.dsl.When;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Without partitions, adding consumers to a group divides a backlog between them. */
class ParallelConsumptionAcceptanceTest {

    /** About 13 s of work for one consumer at 2 ms a message. */
    private static final int BACKLOG = 6_000;
    private static final Duration WORK_PER_MESSAGE = Duration.ofMillis(2);

    @RegisterExtension
    final Scenario scenario = new Scenario();
    private final Given given = scenario.given();
    private final When when = scenario.when();
    private final Then then = scenario.then();

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void fourConsumersDrainABacklogAboutFourTimesFasterThanOne(ClientKind client) {
        given.aStandaloneNode();
        given.group("alone").using(client).withConsumers(1).oneMessageAtATime().spending(WORK_PER_MESSAGE)
                .paused().consumes("orders");
        given.group("together").using(client).withConsumers(4).oneMessageAtATime().spending(WORK_PER_MESSAGE)
                .paused().consumes("orders");
        when.producer(client).sends(BACKLOG).to("orders");

        when.groupResumes("alone");
        Duration alone = then.group("alone").drainTimeOf("orders");
        when.groupResumes("together");
        Duration together = then.group("together").drainTimeOf("orders");

        assertThat((double) alone.toNanos() / together.toNanos())
                .as("speed-up of 4 consumers over 1 (alone %s, together %s)", alone, together)
                .isGreaterThanOrEqualTo(3.0);
    }
}
