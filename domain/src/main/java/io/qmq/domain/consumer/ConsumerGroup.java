package io.qmq.domain.consumer;

import java.util.Objects;

/**
 * A set of consumers that share one stream of a subject: each message goes to one of them. A
 * broadcast consumer uses its own client id as its group, so it alone gets every message.
 */
public record ConsumerGroup(String name) {

    public static final int MAX_LENGTH = 255;

    public ConsumerGroup {
        Names.check("consumer group", name, MAX_LENGTH);
    }

    public static ConsumerGroup of(String name) {
        return new ConsumerGroup(name);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Shared rule for the names a consumer sends: the broker writes them into its logs. */
    static final class Names {
        private Names() {
        }

        static void check(String what, String value, int maxLength) {
            Objects.requireNonNull(value, what);
            if (value.isEmpty() || value.length() > maxLength) {
                throw new IllegalArgumentException(what + " must have 1 to " + maxLength + " characters, got '" + value + "'");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '/' || Character.isISOControl(c)) {
                    throw new IllegalArgumentException(what + " '" + value + "' contains '/' or a control character");
                }
            }
        }
    }
}
