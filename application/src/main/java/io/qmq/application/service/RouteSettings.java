package io.qmq.application.service;

/**
 * How subjects are spread over broker groups.
 *
 * @param minGroupsPerSubject how many realtime groups a new subject is assigned to, when that many
 *                            exist (QMQ's {@code min.group.num})
 */
public record RouteSettings(int minGroupsPerSubject) {

    public static final RouteSettings DEFAULTS = new RouteSettings(2);

    public RouteSettings {
        if (minGroupsPerSubject < 1) {
            throw new IllegalArgumentException("a subject needs at least one broker group, got " + minGroupsPerSubject);
        }
    }
}
