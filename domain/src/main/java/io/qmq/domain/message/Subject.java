package io.qmq.domain.message;

import java.util.Objects;
import java.util.Optional;

/**
 * The name messages are published to and consumed from (a topic).
 *
 * <p>Two derived kinds exist besides ordinary subjects, both named by QMQ's convention and both
 * scoped to one consumer group: the retry subject {@code %RETRY%<subject>%<group>} that holds copies of
 * messages a consumer failed to process, and the dead-letter subject {@code %DEAD_RETRY%<subject>%<group>}
 * that holds copies which ran out of attempts. Both are routed like their real subject.
 *
 * <p>Names are at most {@value #MAX_LENGTH} characters and carry no {@code /}, whitespace or control
 * characters: stock QMQ brokers refuse those, and they break every text format the broker writes.
 * The limit covers derived names too, so a real subject needs to stay some 20 characters below it
 * for its retry subject to exist; the stock client allows only 100.
 */
public record Subject(String name) {

    public static final int MAX_LENGTH = 255;
    private static final String RETRY_PREFIX = "%RETRY%";
    private static final String DEAD_LETTER_PREFIX = "%DEAD_RETRY%";
    private static final char SEPARATOR = '%';

    public Subject {
        Objects.requireNonNull(name, "subject name");
        if (name.isEmpty()) {
            throw new InvalidSubjectException(name, "it is empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidSubjectException(name, "it is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw new InvalidSubjectException(name, "it contains '/', whitespace or a control character");
            }
        }
    }

    public static Subject of(String name) {
        return new Subject(name);
    }

    /** The subject that holds failed deliveries of this (real) subject for one consumer group. */
    public Subject retryFor(String consumerGroup) {
        return derived(RETRY_PREFIX, consumerGroup);
    }

    /** The subject that holds messages of this (real) subject that one consumer group gave up on. */
    public Subject deadLetterFor(String consumerGroup) {
        return derived(DEAD_LETTER_PREFIX, consumerGroup);
    }

    /**
     * Builds a derived name, refusing parts that would not parse back: the derived name is split on
     * '%', so neither the real subject nor the group may contain one, and the group may not be blank.
     */
    private Subject derived(String prefix, String consumerGroup) {
        String realName = real().name;
        if (realName.indexOf(SEPARATOR) >= 0 || consumerGroup.isBlank() || consumerGroup.indexOf(SEPARATOR) >= 0
                || !consumerGroup.equals(consumerGroup.trim())) {
            throw new InvalidSubjectException(prefix + realName + SEPARATOR + consumerGroup,
                    "a retry or dead-letter subject needs a real subject and a non-blank group without '%'");
        }
        return new Subject(prefix + realName + SEPARATOR + consumerGroup);
    }

    public boolean isRetry() {
        return name.startsWith(RETRY_PREFIX) && parts().isPresent();
    }

    public boolean isDeadLetter() {
        return name.startsWith(DEAD_LETTER_PREFIX) && parts().isPresent();
    }

    /** The real subject behind a retry or dead-letter subject; the subject itself otherwise. */
    public Subject real() {
        return parts().map(p -> new Subject(p[1])).orElse(this);
    }

    /** The consumer group a retry or dead-letter subject belongs to. */
    public Optional<String> consumerGroup() {
        return parts().map(p -> p[2]);
    }

    /**
     * Splits a derived name the way the stock client does: on '%', dropping empty parts, expecting
     * exactly the kind, the real subject and the group.
     */
    private Optional<String[]> parts() {
        if (name.charAt(0) != SEPARATOR) {
            return Optional.empty();
        }
        String[] parts = java.util.Arrays.stream(name.split(String.valueOf(SEPARATOR)))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .toArray(String[]::new);
        if (parts.length != 3 || !(parts[0].equals("RETRY") || parts[0].equals("DEAD_RETRY"))) {
            return Optional.empty();
        }
        return Optional.of(parts);
    }

    @Override
    public String toString() {
        return name;
    }
}
