package io.qmq.adapters.netty.client;

import java.util.Map;

/** The reserved {@code qmq_*} attribute names the client reads and writes, and how to read them. */
final class MessageAttributes {

    static final String CREATE_TIME = "qmq_createTime";
    static final String EXPIRE_TIME = "qmq_expireTime";
    static final String APP_CODE = "qmq_appCode";
    static final String SCHEDULE_RECEIVE_TIME = "qmq_scheduleReceiveTime";
    static final String TIMES = "qmq_times";
    static final String MAX_RETRY_NUM = "qmq_maxRetryNum";
    static final String CONSUMER_GROUP_NAME = "qmq_consumerGroupName";
    static final String CORRUPT_DATA = "qmq_corruptData";
    static final String RESERVED_PREFIX = "qmq_";

    private MessageAttributes() {
    }

    /** The delivery attempt a message is on; 1 when the attribute is absent or unreadable. */
    static int times(Map<String, String> attributes) {
        return Math.max(1, intValue(attributes, TIMES, 1));
    }

    static int intValue(Map<String, String> attributes, String key, int fallback) {
        String value = attributes.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
