package io.qmq.domain.consumer;

/** How a consumer's tags select messages; the codes are QMQ's wire values. */
public enum TagMatch {
    /** No filtering: every message is delivered. */
    NONE(0),
    /** A message is delivered when it carries at least one of the consumer's tags. */
    ANY(1),
    /** A message is delivered when it carries every one of the consumer's tags. */
    ALL(2);

    private final int code;

    TagMatch(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static TagMatch ofCode(int code) {
        for (TagMatch match : values()) {
            if (match.code == code) {
                return match;
            }
        }
        throw new IllegalArgumentException("unknown tag match code " + code);
    }
}
