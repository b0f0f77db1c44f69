package io.qmq.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

/** Message tags: at most ten, each non-empty, in the producer's order (wire protocol §4.5). */
class TagsTest {

    @Test
    void noTagsIsTheEmptyConstant() {
        assertThat(Tags.of()).isSameAs(Tags.NONE);
        assertThat(Tags.of(List.of())).isSameAs(Tags.NONE);
        assertThat(Tags.NONE.isEmpty()).isTrue();
        assertThat(Tags.NONE.size()).isZero();
    }

    @Test
    void acceptsTenTagsAndRefusesEleven() {
        String[] ten = IntStream.range(0, 10).mapToObj(i -> "t" + i).toArray(String[]::new);
        String[] eleven = IntStream.range(0, 11).mapToObj(i -> "t" + i).toArray(String[]::new);

        assertThat(Tags.of(ten).size()).isEqualTo(Tags.MAX_COUNT);
        assertThatThrownBy(() -> Tags.of(eleven)).isInstanceOf(InvalidMessageException.class).hasMessageContaining("11");
    }

    @Test
    void refusesEmptyAndNullTags() {
        assertThatThrownBy(() -> Tags.of("a", "")).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> Tags.of("a", null)).isInstanceOf(InvalidMessageException.class);
        Set<String> withNull = new HashSet<>(Arrays.asList("a", null));
        assertThatThrownBy(() -> new Tags(withNull)).isInstanceOf(InvalidMessageException.class);
    }

    @Test
    void repeatedTagsCountOnce() {
        Tags tags = Tags.of("a", "b", "a");

        assertThat(tags.values()).containsExactly("a", "b");
        assertThat(tags.size()).isEqualTo(2);
    }

    @Test
    void compareAsExactStrings() {
        Tags tags = Tags.of("Red");

        assertThat(tags.contains("Red")).isTrue();
        assertThat(tags.contains("red")).isFalse();
        assertThat(tags.contains("Red ")).isFalse();
    }

    @Test
    void equalityIgnoresOrder() {
        assertThat(Tags.of("a", "b")).isEqualTo(Tags.of("b", "a")).hasSameHashCodeAs(Tags.of("b", "a"));
        assertThat(Tags.of("a")).isNotEqualTo(Tags.of("a", "b"));
    }

    @Test
    void cannotBeChangedFromOutside() {
        Set<String> source = new LinkedHashSet<>(List.of("a"));
        Tags tags = new Tags(source);
        source.add("b");

        assertThat(tags.values()).containsExactly("a");
        assertThatThrownBy(() -> tags.values().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Property(tries = 300)
    void keepsTheProducersOrder(@ForAll @Size(max = 10) @UniqueElements
                                List<@AlphaChars @StringLength(min = 1, max = 8) String> produced) {
        Tags tags = Tags.of(produced);

        assertThat(new ArrayList<>(tags.values())).isEqualTo(produced);
        assertThat(tags.size()).isEqualTo(produced.size());
        assertThat(tags.isEmpty()).isEqualTo(produced.isEmpty());
        produced.forEach(tag -> assertThat(tags.contains(tag)).isTrue());
    }
}
