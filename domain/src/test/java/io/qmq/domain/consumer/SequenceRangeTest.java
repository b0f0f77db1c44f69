package io.qmq.domain.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SequenceRangeTest {

    @Test
    void isInclusiveAtBothEnds() {
        SequenceRange range = SequenceRange.of(3, 5);

        assertThat(range.count()).isEqualTo(3);
        assertThat(range.contains(2)).isFalse();
        assertThat(range.contains(3)).isTrue();
        assertThat(range.contains(5)).isTrue();
        assertThat(range.contains(6)).isFalse();
        assertThat(range).hasToString("[3, 5]");
    }

    @Test
    void aSingleSequenceIsARange() {
        assertThat(SequenceRange.of(0, 0).count()).isEqualTo(1);
    }

    @Test
    void refusesNegativeOrEmptyRanges() {
        assertThatThrownBy(() -> SequenceRange.of(-1, 3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[-1, 3]");
        assertThatThrownBy(() -> SequenceRange.of(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void betweenIsEmptyInsteadOfInvalid() {
        assertThat(SequenceRange.between(2, 4)).contains(SequenceRange.of(2, 4));
        assertThat(SequenceRange.between(4, 4)).contains(SequenceRange.of(4, 4));
        assertThat(SequenceRange.between(5, 4)).isEmpty();
        assertThat(SequenceRange.between(0, -1)).isEmpty();
        assertThat(SequenceRange.between(-1, 3)).isEmpty();
    }

    @Property(tries = 500)
    void betweenIsPresentExactlyForAValidRange(@ForAll @LongRange(min = -5, max = 50) long first,
                                               @ForAll @LongRange(min = -5, max = 50) long last) {
        assertThat(SequenceRange.between(first, last).isPresent()).isEqualTo(first >= 0 && first <= last);
        SequenceRange.between(first, last).ifPresent(range -> {
            assertThat(range.count()).isEqualTo(last - first + 1);
            assertThat(range.contains(first - 1)).isFalse();
            assertThat(range.contains(last + 1)).isFalse();
        });
    }
}
