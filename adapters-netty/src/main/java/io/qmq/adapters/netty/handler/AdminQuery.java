package io.qmq.adapters.netty.handler;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Reading admin query parameters, and quoting strings for the JSON answers. */
final class AdminQuery {

    private AdminQuery() {
    }

    static String required(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            throw new IllegalArgumentException("query parameter '" + name + "' is required");
        }
        return values.get(0);
    }

    /** The parameter's value, empty when absent or blank. */
    static Optional<String> optional(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** An ISO-8601 instant ({@code 2026-01-02T03:04:05Z}) or epoch milliseconds; the fallback if absent. */
    static Instant instant(QueryStringDecoder uri, String name, Instant fallback) {
        List<String> values = uri.parameters().get(name);
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            return fallback;
        }
        String text = values.get(0).trim();
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be an ISO-8601 instant or epoch "
                    + "milliseconds, got '" + text + "'", e);
        }
    }

    /** A JSON string literal. */
    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
