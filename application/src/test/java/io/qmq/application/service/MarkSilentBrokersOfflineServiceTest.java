package io.qmq.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.fixtures.InMemoryBrokerGroupStore;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.cluster.GroupSlave;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MarkSilentBrokersOfflineServiceTest {

    private final ManualClock clock = new ManualClock();
    private final InMemoryBrokerGroupStore groups = new InMemoryBrokerGroupStore();
    private final RegisterBrokerService register = new RegisterBrokerService(groups, new io.qmq.application.fixtures.InMemoryReadOnlyGroupStore());
    private final MarkSilentBrokersOfflineService check =
            new MarkSilentBrokersOfflineService(groups, register, clock, Duration.ofSeconds(30));

    private void heartbeat(String name) {
        register.register(new BrokerGroup(name, BrokerGroupKind.REALTIME, "127.0.0.1:20881", BrokerState.READ_WRITE, clock.millis()));
    }

    @Test
    void aGroupSilentPastTheTimeoutGoesOfflineAndComesBackWithItsNextHeartbeat() {
        heartbeat("quiet");
        heartbeat("chatty");
        clock.advance(Duration.ofSeconds(20));
        heartbeat("chatty");
        clock.advance(Duration.ofSeconds(11));

        assertThat(check.markSilentGroupsOffline()).isOne();
        assertThat(groups.find("quiet").orElseThrow().state()).isEqualTo(BrokerState.OFFLINE);
        assertThat(groups.find("chatty").orElseThrow().state()).isEqualTo(BrokerState.READ_WRITE);

        heartbeat("quiet");
        assertThat(groups.find("quiet").orElseThrow().state()).isEqualTo(BrokerState.READ_WRITE);
        assertThat(check.markSilentGroupsOffline()).isZero();
    }

    private void slaveHeartbeat(String group) {
        register.registerSlave(new GroupSlave(group, "127.0.0.1:20891", BrokerState.READ_WRITE, clock.millis()));
    }

    @Test
    void aSlaveSilentPastTheSameTimeoutIsShownOfflineUntilItsNextHeartbeat() {
        long quietHeard = clock.millis();
        slaveHeartbeat("quiet");
        slaveHeartbeat("chatty");
        clock.advance(Duration.ofSeconds(30));
        slaveHeartbeat("chatty");

        check.markSilentGroupsOffline();
        assertThat(register.slaves().get("quiet").state()).as("not past the timeout yet").isEqualTo(BrokerState.READ_WRITE);

        clock.advance(Duration.ofMillis(1));
        check.markSilentGroupsOffline();
        assertThat(register.slaves().get("quiet").state()).isEqualTo(BrokerState.OFFLINE);
        assertThat(register.slaves().get("quiet").updatedAt()).as("still when it was last heard")
                .isEqualTo(quietHeard);
        assertThat(register.slaves().get("chatty").state()).isEqualTo(BrokerState.READ_WRITE);

        slaveHeartbeat("quiet");
        check.markSilentGroupsOffline();
        assertThat(register.slaves().get("quiet").state()).isEqualTo(BrokerState.READ_WRITE);
    }
}
