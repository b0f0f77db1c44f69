package io.qmq.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The flag byte of wire protocol §4.3: bit 0 low reliability, bit 1 delay, bit 2 tags. */
class MessageFlagsTest {

    @Test
    void bitValuesAreThoseOnTheWire() {
        assertThat(MessageFlags.LOW_RELIABILITY).isEqualTo(1);
        assertThat(MessageFlags.DELAY).isEqualTo(2);
        assertThat(MessageFlags.TAGS).isEqualTo(4);
    }

    @Test
    void buildsTheByteTheStockClientSends() {
        assertThat(MessageFlags.of(false, false).bits()).isEqualTo((byte) 0);
        assertThat(MessageFlags.of(true, false).bits()).isEqualTo((byte) 2);
        assertThat(MessageFlags.of(false, true).bits()).isEqualTo((byte) 4);
        assertThat(MessageFlags.of(true, true).bits()).isEqualTo((byte) 6);
    }

    @Property
    void readsEachBitOnItsOwn(@ForAll byte bits) {
        MessageFlags flags = new MessageFlags(bits);

        assertThat(flags.isLowReliability()).isEqualTo((bits & 0b001) != 0);
        assertThat(flags.isDelayed()).isEqualTo((bits & 0b010) != 0);
        assertThat(flags.hasTags()).isEqualTo((bits & 0b100) != 0);
    }

    @Property
    void builtFlagsReadBackAndAreNeverLowReliability(@ForAll boolean delayed, @ForAll boolean tagged) {
        MessageFlags flags = MessageFlags.of(delayed, tagged);

        assertThat(flags.isDelayed()).isEqualTo(delayed);
        assertThat(flags.hasTags()).isEqualTo(tagged);
        assertThat(flags.isLowReliability()).isFalse();
        assertThat(flags).isEqualTo(new MessageFlags(flags.bits()));
    }
}
