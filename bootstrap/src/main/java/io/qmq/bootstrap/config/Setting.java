package io.qmq.bootstrap.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key: its name, its default as it would be written in a properties file, what
 * values it takes and what it does.
 *
 * @param key          the name, QMQ's where QMQ has one
 * @param defaultValue the default, in the same text form a user writes
 * @param type         a short description of the accepted values, for the {@code config} listing
 * @param description  one line on what the key does
 * @param parser       turns text into the typed value; throws {@link IllegalArgumentException} with the
 *                     reason when the text is not acceptable
 */
public record Setting<T>(String key, String defaultValue, String type, String description, Function<String, T> parser) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "default value of " + key);
        Objects.requireNonNull(type, "type of " + key);
        Objects.requireNonNull(description, "description of " + key);
        Objects.requireNonNull(parser, "parser of " + key);
    }

    /** The typed value of the text, or an error that names the key, the value and where it came from. */
    public T parse(String text, String source) {
        try {
            return parser.apply(text.trim());
        } catch (IllegalArgumentException e) {
            throw ConfigurationException.badValue(key, text, source, e.getMessage());
        }
    }
}
