package io.qmq.acceptance;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.Given;
import io.qmq.acceptance.dsl.NodeSettings;
import io.qmq.acceptance.dsl.Scenario;
import io.qmq.acceptance.dsl.Then;
import io.qmq.acceptance.dsl.When;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** With sync flushing, a message the broker acknowledged survives the broker's process being killed. */
class CrashRecoveryAcceptanceTest {

    @RegisterExtension
    final Scenario scenario = new Scenario();
    private final Given given = scenario.given();
    private final When when = scenario.when();
    private final Then then = scenario.then();

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void noAcknowledgedMessageIsLostWhenTheNodeIsKilledDuringASteadySend(ClientKind client) {
        given.aStandaloneNodeInAChildProcess(NodeSettings.defaults().flushingBeforeAcknowledging());
        given.group("billing").using(client).consumes("orders");

        when.producer(client).keepsSendingTo("orders");
        when.node().isKilledWhileMessagesAreSent();
        when.node().restarts();
        when.producer(client).stopsSendingOnceItSucceedsAgain();

        // A group that starts after the restart reads only what the store kept.
        given.group("audit").using(client).consumes("orders");
        then.group("audit").receivesAll("orders");
        then.group("billing").receivesAll("orders");
    }
}
