package io.qmq.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** QMQ's numeric codes for cluster enums (wire protocol §3.2–3.3, server behaviour "Roles"). */
class ClusterCodesTest {

    @Test
    void codesAreQmqs() {
        assertThat(codes(BrokerState.values(), BrokerState::code)).containsExactly(1, 2, 3, 4);
        assertThat(codes(ClientType.values(), ClientType::code)).containsExactly(1, 2, 3, 4);
        assertThat(codes(BrokerGroupKind.values(), BrokerGroupKind::code)).containsExactly(1, 2);
        assertThat(codes(BrokerRole.values(), BrokerRole::code)).containsExactly(0, 1, 5, 6);
    }

    @Test
    void everyCodeReadsBackAsItsValue() {
        Arrays.stream(BrokerState.values()).forEach(v -> assertThat(BrokerState.ofCode(v.code())).isSameAs(v));
        Arrays.stream(ClientType.values()).forEach(v -> assertThat(ClientType.ofCode(v.code())).isSameAs(v));
        Arrays.stream(BrokerGroupKind.values()).forEach(v -> assertThat(BrokerGroupKind.ofCode(v.code())).isSameAs(v));
        Arrays.stream(BrokerRole.values()).forEach(v -> assertThat(BrokerRole.ofCode(v.code())).isSameAs(v));
    }

    @Property(tries = 300)
    void unknownCodesAreRefused(@ForAll @IntRange(min = -3, max = 300) int code) {
        refusesUnknown(code, codes(BrokerState.values(), BrokerState::code), BrokerState::ofCode);
        refusesUnknown(code, codes(ClientType.values(), ClientType::code), ClientType::ofCode);
        refusesUnknown(code, codes(BrokerGroupKind.values(), BrokerGroupKind::code), BrokerGroupKind::ofCode);
        refusesUnknown(code, codes(BrokerRole.values(), BrokerRole::code), BrokerRole::ofCode);
    }

    @Test
    void unsupportedStockRolesAreRefused() {
        // 2 STANDBY, 3 legacy DELAY, 4 BACKUP, 7 DELAY_BACKUP
        for (int code : new int[] {2, 3, 4, 7}) {
            assertThatThrownBy(() -> BrokerRole.ofCode(code)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(code));
        }
    }

    @Test
    void rolesBelongToAKindAndOnlyMastersServe() {
        assertThat(BrokerRole.MASTER.kind()).isEqualTo(BrokerGroupKind.REALTIME);
        assertThat(BrokerRole.SLAVE.kind()).isEqualTo(BrokerGroupKind.REALTIME);
        assertThat(BrokerRole.DELAY_MASTER.kind()).isEqualTo(BrokerGroupKind.DELAY);
        assertThat(BrokerRole.DELAY_SLAVE.kind()).isEqualTo(BrokerGroupKind.DELAY);
        assertThat(Arrays.stream(BrokerRole.values()).filter(BrokerRole::isMaster))
                .containsExactlyInAnyOrder(BrokerRole.MASTER, BrokerRole.DELAY_MASTER);
    }

    @Test
    void statesSayWhoMayReadAndWrite() {
        assertThat(BrokerState.READ_WRITE.isReadable()).isTrue();
        assertThat(BrokerState.READ_WRITE.isWritable()).isTrue();
        assertThat(BrokerState.READ_ONLY.isReadable()).isTrue();
        assertThat(BrokerState.READ_ONLY.isWritable()).isFalse();
        assertThat(BrokerState.WRITE_ONLY.isReadable()).isFalse();
        assertThat(BrokerState.WRITE_ONLY.isWritable()).isTrue();
        assertThat(BrokerState.OFFLINE.isReadable()).isFalse();
        assertThat(BrokerState.OFFLINE.isWritable()).isFalse();
    }

    /** §3.4 step 2: consumers keep RW and R groups; producers and delay producers keep RW and W. */
    @Test
    void clientsUseTheGroupsTheStockClientKeeps() {
        assertThat(usable(ClientType.CONSUMER)).containsExactlyInAnyOrder(BrokerState.READ_WRITE, BrokerState.READ_ONLY);
        assertThat(usable(ClientType.PRODUCER)).containsExactlyInAnyOrder(BrokerState.READ_WRITE, BrokerState.WRITE_ONLY);
        assertThat(usable(ClientType.DELAY_PRODUCER)).containsExactlyInAnyOrder(BrokerState.READ_WRITE, BrokerState.WRITE_ONLY);
    }

    /** §3.6: delay producers get delay-server groups; producers and consumers get realtime groups. */
    @Test
    void onlyDelayProducersAreRoutedToDelayServers() {
        assertThat(ClientType.DELAY_PRODUCER.routesTo()).isEqualTo(BrokerGroupKind.DELAY);
        assertThat(ClientType.PRODUCER.routesTo()).isEqualTo(BrokerGroupKind.REALTIME);
        assertThat(ClientType.CONSUMER.routesTo()).isEqualTo(BrokerGroupKind.REALTIME);
    }

    private static Set<BrokerState> usable(ClientType type) {
        return Arrays.stream(BrokerState.values()).filter(type::canUse).collect(Collectors.toSet());
    }

    private static <E> java.util.List<Integer> codes(E[] values, java.util.function.ToIntFunction<E> code) {
        return Arrays.stream(values).map(code::applyAsInt).toList();
    }

    private static void refusesUnknown(int code, java.util.List<Integer> known, IntFunction<?> ofCode) {
        if (known.contains(code)) {
            assertThat(ofCode.apply(code)).isNotNull();
        } else {
            assertThatThrownBy(() -> ofCode.apply(code)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown");
        }
    }
}
