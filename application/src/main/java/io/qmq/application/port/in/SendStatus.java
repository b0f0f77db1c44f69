package io.qmq.application.port.in;

/** Why a message was or was not stored. The wire adapter maps these to QMQ's per-message codes. */
public enum SendStatus {
    /** Stored as the flush policy promises. */
    STORED,
    /** The broker is overloaded; the producer should not retry at once. */
    BUSY,
    /** Already stored under the same id; counts as success. */
    DUPLICATE,
    /** The broker does not take this subject (invalid name). */
    SUBJECT_REJECTED,
    /** The broker takes no new messages now; the producer should go to another group. */
    READ_ONLY,
    /** The producer may not send this subject. */
    BLOCKED,
    /** The message is malformed or the store failed; the producer may retry. */
    STORE_ERROR
}
