package io.qmq.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry and dead-letter names as the stock client builds and parses them (wire protocol §6.1). */
class RetrySubjectTest {

    @Test
    void retrySubjectIsNamedByConvention() {
        Subject retry = Subject.of("orders").retryFor("billing");

        assertThat(retry.name()).isEqualTo("%RETRY%orders%billing");
        assertThat(retry.isRetry()).isTrue();
        assertThat(retry.isDeadLetter()).isFalse();
        assertThat(retry.real()).isEqualTo(Subject.of("orders"));
        assertThat(retry.consumerGroup()).contains("billing");
    }

    @Test
    void deadLetterSubjectIsNamedByConvention() {
        Subject dead = Subject.of("orders").deadLetterFor("billing");

        assertThat(dead.name()).isEqualTo("%DEAD_RETRY%orders%billing");
        assertThat(dead.isDeadLetter()).isTrue();
        assertThat(dead.isRetry()).isFalse();
        assertThat(dead.real()).isEqualTo(Subject.of("orders"));
        assertThat(dead.consumerGroup()).contains("billing");
    }

    @Test
    void anOrdinarySubjectIsItsOwnRealSubjectAndHasNoGroup() {
        Subject subject = Subject.of("orders");

        assertThat(subject.isRetry()).isFalse();
        assertThat(subject.isDeadLetter()).isFalse();
        assertThat(subject.real()).isSameAs(subject);
        assertThat(subject.consumerGroup()).isEmpty();
    }

    @Test
    void derivedSubjectsOfADerivedSubjectStartFromTheRealSubject() {
        Subject retry = Subject.of("orders").retryFor("billing");

        assertThat(retry.retryFor("audit").name()).isEqualTo("%RETRY%orders%audit");
        assertThat(retry.deadLetterFor("billing").name()).isEqualTo("%DEAD_RETRY%orders%billing");
        assertThat(retry.deadLetterFor("billing").deadLetterFor("x").real()).isEqualTo(Subject.of("orders"));
    }

    @Test
    void parsesReceivedNamesTheWayTheStockClientDoes() {
        // the client splits on '%' and drops empty parts, so doubled separators still parse
        Subject parsed = Subject.of("%RETRY%%orders%%billing%");

        assertThat(parsed.isRetry()).isTrue();
        assertThat(parsed.real()).isEqualTo(Subject.of("orders"));
        assertThat(parsed.consumerGroup()).contains("billing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%RETRY%orders", "%RETRY%", "%RETRY%%", "%RETRY%a%b%c", "%DEAD_RETRY%orders",
        "%DEAD_RETRY%a%b%c", "%OTHER%orders%billing", "RETRY%orders%billing", "x%RETRY%orders%billing",
        "%retry%orders%billing", "%RETRYorders%billing"})
    void namesThatDoNotParseAsThreePartsAreOrdinarySubjects(String name) {
        Subject subject = Subject.of(name);

        assertThat(subject.isRetry()).isFalse();
        assertThat(subject.isDeadLetter()).isFalse();
        assertThat(subject.real()).isEqualTo(subject);
        assertThat(subject.consumerGroup()).isEmpty();
    }

    @Property(tries = 300)
    void retryAndDeadLetterNamesRoundTrip(@ForAll("names") String real, @ForAll("names") String group) {
        Subject subject = Subject.of(real);

        for (Subject derived : new Subject[] {subject.retryFor(group), subject.deadLetterFor(group)}) {
            assertThat(derived.real()).isEqualTo(subject);
            assertThat(derived.consumerGroup()).contains(group);
            assertThat(derived.isRetry()).isNotEqualTo(derived.isDeadLetter());
            assertThat(derived.retryFor(group)).isEqualTo(subject.retryFor(group));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a%b", "%g", "g%"})
    void refusesAGroupThatWouldNotParseBack(String group) {
        assertThatThrownBy(() -> Subject.of("orders").retryFor(group)).isInstanceOf(InvalidSubjectException.class);
        assertThatThrownBy(() -> Subject.of("orders").deadLetterFor(group)).isInstanceOf(InvalidSubjectException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%b", "%x", "x%"})
    void refusesToDeriveFromARealSubjectContainingTheSeparator(String real) {
        assertThatThrownBy(() -> Subject.of(real).retryFor("g")).isInstanceOf(InvalidSubjectException.class);
        assertThatThrownBy(() -> Subject.of(real).deadLetterFor("g")).isInstanceOf(InvalidSubjectException.class);
    }

    @Test
    void aRetryNameThatWouldBeTooLongIsRefused() {
        String real = "s".repeat(Subject.MAX_LENGTH - "%RETRY%%g".length() + 1);

        assertThatThrownBy(() -> Subject.of(real).retryFor("g")).isInstanceOf(InvalidSubjectException.class);
    }

    /**
     * Whatever retryFor or deadLetterFor accepts must parse back; refusing the input is equally fine.
     * An empty group, a group with '%' or a real subject with '%' yields a name that the broker (and
     * the stock client) reads as an ordinary subject, so its messages are routed and consumed as if
     * they belonged to a subject of that literal name.
     */
    @Property(tries = 500)
    void derivedNamesEitherParseBackOrAreRefused(@ForAll("realsWithPercent") String real,
                                                 @ForAll("groupsWithPercent") String group) {
        Subject subject = Subject.of(real);

        derive(() -> subject.retryFor(group)).ifPresent(retry -> {
            assertThat(retry.isRetry()).as("%s is a retry subject", retry).isTrue();
            assertThat(retry.real()).as("real subject of %s", retry).isEqualTo(subject);
            assertThat(retry.consumerGroup()).as("group of %s", retry).contains(group);
        });
        derive(() -> subject.deadLetterFor(group)).ifPresent(dead -> {
            assertThat(dead.isDeadLetter()).as("%s is a dead-letter subject", dead).isTrue();
            assertThat(dead.real()).as("real subject of %s", dead).isEqualTo(subject);
        });
    }

    private static Optional<Subject> derive(java.util.function.Supplier<Subject> derivation) {
        try {
            return Optional.of(derivation.get());
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('.', '-', '_')
                .ofMinLength(1).ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> realsWithPercent() {
        return Arbitraries.strings().withCharRange('a', 'c').withChars('%').ofMinLength(1).ofMaxLength(6);
    }

    @Provide
    Arbitrary<String> groupsWithPercent() {
        return Arbitraries.strings().withCharRange('a', 'c').withChars('%').ofMinLength(0).ofMaxLength(6);
    }
}
