package io.qmq.acceptance.driver;

/** How a subscription's tags select messages on the server. */
public enum TagMode {
    /** every message, tagged or not */
    ANY,
    /** messages carrying at least one of the tags */
    OR,
    /** messages carrying all of the tags */
    AND
}
