package io.qmq.domain.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.domain.message.Tags;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Server-side tag filtering with QMQ's table (wire protocol §5.3). */
class TagFilterTest {

    @Test
    void theTableOfSection53() {
        Tags untagged = Tags.NONE;
        Tags redBlue = Tags.of("red", "blue");

        assertThat(TagFilter.NONE.accepts(untagged)).isTrue();
        assertThat(TagFilter.NONE.accepts(redBlue)).isTrue();
        assertThat(TagFilter.any().accepts(untagged)).isTrue();
        assertThat(TagFilter.all().accepts(untagged)).isTrue();
        assertThat(new TagFilter(TagMatch.NONE, Set.of("red")).accepts(untagged)).isTrue();

        assertThat(TagFilter.any("red").accepts(untagged)).isFalse();
        assertThat(TagFilter.any("red", "green").accepts(redBlue)).isTrue();
        assertThat(TagFilter.any("green").accepts(redBlue)).isFalse();

        assertThat(TagFilter.all("red").accepts(untagged)).isFalse();
        assertThat(TagFilter.all("red", "blue").accepts(redBlue)).isTrue();
        assertThat(TagFilter.all("red", "green").accepts(redBlue)).isFalse();
    }

    @Test
    void tagsCompareAsExactStrings() {
        assertThat(TagFilter.any("Red").accepts(Tags.of("red"))).isFalse();
        assertThat(TagFilter.all("red").accepts(Tags.of("red "))).isFalse();
    }

    @Test
    void activeOnlyWithAMatchAndAtLeastOneTag() {
        assertThat(TagFilter.NONE.isActive()).isFalse();
        assertThat(TagFilter.any().isActive()).isFalse();
        assertThat(new TagFilter(TagMatch.NONE, Set.of("a")).isActive()).isFalse();
        assertThat(TagFilter.any("a").isActive()).isTrue();
        assertThat(TagFilter.all("a").isActive()).isTrue();
    }

    @Test
    void keepsItsOwnCopyOfTheTags() {
        Set<String> tags = new HashSet<>(Set.of("a"));
        TagFilter filter = new TagFilter(TagMatch.ANY, tags);
        tags.add("b");

        assertThat(filter.tags()).containsExactly("a");
        assertThatThrownBy(() -> filter.tags().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void tagMatchCodesAreTheWireTagTypes() {
        assertThat(TagMatch.NONE.code()).isZero();
        assertThat(TagMatch.ANY.code()).isEqualTo(1);
        assertThat(TagMatch.ALL.code()).isEqualTo(2);
        for (TagMatch match : TagMatch.values()) {
            assertThat(TagMatch.ofCode(match.code())).isSameAs(match);
        }
        assertThatThrownBy(() -> TagMatch.ofCode(3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
        assertThatThrownBy(() -> TagMatch.ofCode(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTagListedTwiceCountsOnce() {
        assertThat(TagFilter.any("red", "red").tags()).containsExactly("red");
        assertThat(TagFilter.all("red", "red").tags()).containsExactly("red");
    }

    @Property(tries = 500)
    void inactiveFiltersAcceptEverything(@ForAll("tagSets") Set<String> listed, @ForAll("tagSets") Set<String> carried) {
        assertThat(new TagFilter(TagMatch.NONE, listed).accepts(Tags.of(carried))).isTrue();
        assertThat(new TagFilter(TagMatch.ANY, Set.of()).accepts(Tags.of(carried))).isTrue();
        assertThat(new TagFilter(TagMatch.ALL, Set.of()).accepts(Tags.of(carried))).isTrue();
    }

    @Property(tries = 1000)
    void anyAcceptsExactlyWhenTheTagsOverlap(@ForAll("tagSets") Set<String> listed, @ForAll("tagSets") Set<String> carried) {
        Set<String> overlap = new HashSet<>(listed);
        overlap.retainAll(carried);
        TagFilter filter = new TagFilter(TagMatch.ANY, listed);

        boolean expected = listed.isEmpty() || !overlap.isEmpty();
        assertThat(filter.accepts(Tags.of(carried))).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void allAcceptsExactlyWhenEveryListedTagIsCarried(@ForAll("tagSets") Set<String> listed,
                                                      @ForAll("tagSets") Set<String> carried) {
        TagFilter filter = new TagFilter(TagMatch.ALL, listed);

        assertThat(filter.accepts(Tags.of(carried))).isEqualTo(carried.containsAll(listed));
    }

    @Property(tries = 500)
    void anActiveFilterNeverAcceptsAnUntaggedMessage(@ForAll("matches") TagMatch match, @ForAll("tagSets") Set<String> listed) {
        TagFilter filter = new TagFilter(match, listed);

        if (filter.isActive()) {
            assertThat(filter.accepts(Tags.NONE)).isFalse();
        } else {
            assertThat(filter.accepts(Tags.NONE)).isTrue();
        }
    }

    /** Small alphabet so that overlaps, subsets and disjoint sets all come up often. */
    @Provide
    Arbitrary<Set<String>> tagSets() {
        return Arbitraries.of("a", "b", "c", "d", "e", "f", "g", "A").set().ofMaxSize(6);
    }

    @Provide
    Arbitrary<TagMatch> matches() {
        return Arbitraries.of(TagMatch.class);
    }
}
