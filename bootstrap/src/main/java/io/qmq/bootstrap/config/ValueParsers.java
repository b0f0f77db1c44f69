package io.qmq.bootstrap.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** How setting texts become values. Each parser throws {@link IllegalArgumentException} with the reason. */
final class ValueParsers {

    static final int MAX_PORT = 65_535;
    private static final long KIB = 1024;

    private ValueParsers() {
    }

    static Function<String, Integer> port() {
        return text -> intBetween(text, 0, MAX_PORT);
    }

    static Function<String, Integer> positiveInt() {
        return text -> intBetween(text, 1, Integer.MAX_VALUE);
    }

    static Function<String, Integer> powerOfTwo() {
        return text -> {
            int value = intBetween(text, 1, 1 << 30);
            if (Integer.bitCount(value) != 1) {
                throw new IllegalArgumentException("must be a power of two");
            }
            return value;
        };
    }

    static Function<String, Integer> nonNegativeInt() {
        return text -> intBetween(text, 0, Integer.MAX_VALUE);
    }

    static Function<String, Long> positiveLong() {
        return text -> {
            long value = parseLong(text);
            if (value <= 0) {
                throw new IllegalArgumentException("must be positive");
            }
            return value;
        };
    }

    static Function<String, Long> nonNegativeLong() {
        return text -> {
            long value = parseLong(text);
            if (value < 0) {
                throw new IllegalArgumentException("must be 0 or more");
            }
            return value;
        };
    }

    /** Like {@link #bytes()}, but 0 is allowed (meaning "no limit" to the setting that uses it). */
    static Function<String, Long> bytesOrZero() {
        return text -> "0".equals(text.trim()) ? 0L : bytes().apply(text);
    }

    /** A byte count, optionally with a binary suffix: {@code 512}, {@code 64k}, {@code 16m}, {@code 1g}. */
    static Function<String, Long> bytes() {
        return text -> {
            String lower = text.toLowerCase(Locale.ROOT);
            long unit = switch (lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1)) {
                case 'k' -> KIB;
                case 'm' -> KIB * KIB;
                case 'g' -> KIB * KIB * KIB;
                default -> 1;
            };
            String digits = unit == 1 ? lower : lower.substring(0, lower.length() - 1);
            long value = parseLong(digits);
            if (value <= 0 || value > Long.MAX_VALUE / unit) {
                throw new IllegalArgumentException("must be a positive size in bytes, like 4096, 64k, 16m or 1g");
            }
            return value * unit;
        };
    }

    static Function<String, Integer> intBytes() {
        return text -> {
            long value = bytes().apply(text);
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("must be below 2g");
            }
            return (int) value;
        };
    }

    static Function<String, String> nonEmpty() {
        return text -> {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return text;
        };
    }

    static Function<String, String> any() {
        return text -> text;
    }

    static Function<String, Boolean> bool() {
        return text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    /** One of an enum's constants, written in lower case. */
    static <E extends Enum<E>> Function<String, E> choice(Class<E> type) {
        return text -> Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + choices(type)));
    }

    static <E extends Enum<E>> String choices(Class<E> type) {
        return String.join("|", Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static int intBetween(String text, int min, int max) {
        long value = parseLong(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException("must be " + min + " to " + max);
        }
        return (int) value;
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number", e);
        }
    }
}
