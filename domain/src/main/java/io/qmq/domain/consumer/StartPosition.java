package io.qmq.domain.consumer;

/**
 * Where a consumer group that has never pulled a subject begins. QMQ starts new groups at the latest
 * message; starting at the earliest retained one is the choice that loses nothing sent before the
 * group's first pull.
 */
public enum StartPosition {
    EARLIEST,
    LATEST
}
