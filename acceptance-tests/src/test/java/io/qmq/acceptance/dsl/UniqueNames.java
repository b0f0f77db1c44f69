package io.qmq.acceptance.dsl;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the short names a test uses ("orders", "billing") into names unique to this run, so scenarios
 * never see each other's messages and need no cleanup. The same short name always maps to the same
 * unique name within a scenario.
 */
final class UniqueNames {

    private static final int SUFFIX_LENGTH = 8;

    private final Map<String, String> subjects = new ConcurrentHashMap<>();
    private final Map<String, String> groups = new ConcurrentHashMap<>();
    private final Map<String, String> consumers = new ConcurrentHashMap<>();

    String subject(String name) {
        return subjects.computeIfAbsent(name, UniqueNames::unique);
    }

    String group(String name) {
        return groups.computeIfAbsent(name, UniqueNames::unique);
    }

    String consumerId(String name) {
        return consumers.computeIfAbsent(name, UniqueNames::unique);
    }

    /** The dead-letter subject that collects what {@code group} gave up on in {@code subject} (wire protocol 6.1). */
    String deadLetterSubject(String subject, String group) {
        return "%DEAD_RETRY%" + subject(subject) + "%" + group(group);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, SUFFIX_LENGTH);
    }
}
