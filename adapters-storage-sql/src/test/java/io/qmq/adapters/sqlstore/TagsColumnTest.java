package io.qmq.adapters.sqlstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.message.Tags;
import org.junit.jupiter.api.Test;

class TagsColumnTest {

    @Test
    void noTagsAreTheEmptyString() {
        assertThat(TagsColumn.encode(Tags.NONE)).isEmpty();
        assertThat(TagsColumn.decode("")).isEqualTo(Tags.NONE);
    }

    @Test
    void tagsAreLengthPrefixedInTheirOrder() {
        assertThat(TagsColumn.encode(Tags.of("red", "sale"))).isEqualTo("3:red4:sale");
    }

    @Test
    void tagsWithSeparatorsDigitsAndAnyCharacterSurviveTheRoundTrip() {
        Tags awkward = Tags.of("12:ab", ":", "3", "a,b;c", "日本語", "emoji-\uD83D\uDE00", " spaced ");

        assertThat(TagsColumn.decode(TagsColumn.encode(awkward))).isEqualTo(awkward);
        assertThat(TagsColumn.decode(TagsColumn.encode(awkward)).values()).containsExactlyElementsOf(awkward.values());
    }
}
