package io.qmq.acceptance;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.dsl.Given;
import io.qmq.acceptance.dsl.Scenario;
import io.qmq.acceptance.dsl.Then;
import io.qmq.acceptance.dsl.When;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A broker group of a master in sync replication mode and its slave, each in its own process: when the
 * master dies an operator promotes the slave, and nothing the master acknowledged is missing.
 */
class ReplicationAcceptanceTest {

    private static final int MESSAGES = 500;

    @RegisterExtension
    final Scenario scenario = new Scenario();
    private final Given given = scenario.given();
    private final When when = scenario.when();
    private final Then then = scenario.then();

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void everyMessageTheKilledMasterAcknowledgedIsConsumedFromItsPromotedSlave(ClientKind client) {
        given.aClusterWithAMasterAndSlaveGroup("a");
        then.brokerGroup("a").isListedWithItsSlave();

        when.producer(client).sends(MESSAGES).to("orders");
        when.cluster().brokerIsKilled("a");
        when.cluster().slaveIsPromoted("a");

        given.group("billing").using(client).consumes("orders");
        then.group("billing").receivesAll("orders");
    }
}
