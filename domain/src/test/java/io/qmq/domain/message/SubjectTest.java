package io.qmq.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which names the broker files messages under: §4.1 of the wire protocol and the class contract. */
class SubjectTest {

    @Test
    void keepsAnOrdinaryName() {
        Subject subject = Subject.of("order.changed-v2_x");

        assertThat(subject.name()).isEqualTo("order.changed-v2_x");
        assertThat(subject).hasToString("order.changed-v2_x").isEqualTo(new Subject("order.changed-v2_x"));
    }

    @Test
    void refusesAnEmptyName() {
        assertThatThrownBy(() -> Subject.of("")).isInstanceOf(InvalidSubjectException.class).hasMessageContaining("empty");
    }

    @Test
    void refusesNull() {
        assertThatNullPointerException().isThrownBy(() -> Subject.of(null));
    }

    @Test
    void acceptsTheLongestNameAndRefusesOneCharacterMore() {
        assertThat(Subject.of("s".repeat(Subject.MAX_LENGTH)).name()).hasSize(255);

        assertThatThrownBy(() -> Subject.of("s".repeat(Subject.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidSubjectException.class)
                .hasMessageContaining("longer than 255");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "/", "a b", " a", "a ", "a\tb", "a\rb", "a\nb", "a\r\n", "a\u000Bb", "a\fb",
        "a\u0000b", "a\u007Fb", "a\u0085b", "a\u00A0b", "a\u2003b", "a\u2028b", "a\u2029b", "a\u3000b", "a\u001Fb"})
    void refusesSlashesWhitespaceAndControlCharacters(String name) {
        assertThatThrownBy(() -> Subject.of(name))
                .isInstanceOf(InvalidSubjectException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid subject");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%b", "a.b", "a-b", "a:b", "a\\b", "a#b", "订单", "a\u00E9b", "a\u200Bb", "\uD83D\uDE00"})
    void acceptsOtherPrintableCharacters(String name) {
        assertThat(Subject.of(name).name()).isEqualTo(name);
    }

    /**
     * The documented rule, stated by Unicode category rather than by the JDK predicates the class uses:
     * a character is refused exactly when it is '/', a space, line or paragraph separator, or a control.
     */
    @Property(tries = 2000)
    void refusesACharacterExactlyWhenItIsSlashSeparatorOrControl(@ForAll char c) {
        String name = "a" + c + "b";
        int type = Character.getType(c);
        boolean forbidden = c == '/' || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.CONTROL;

        if (forbidden) {
            assertThatThrownBy(() -> Subject.of(name)).isInstanceOf(InvalidSubjectException.class);
        } else {
            assertThat(Subject.of(name).name()).isEqualTo(name);
        }
    }

    @Property(tries = 300)
    void everyCharacterBelowSpaceIsRefused(@ForAll("controls") char c) {
        assertThatThrownBy(() -> Subject.of("x" + c)).isInstanceOf(InvalidSubjectException.class);
    }

    @Provide
    Arbitrary<Character> controls() {
        return Arbitraries.chars().range('\u0000', '\u0020');
    }
}
