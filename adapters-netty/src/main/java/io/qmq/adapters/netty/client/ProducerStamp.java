package io.qmq.adapters.netty.client;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Turns an application's message into what the stock producer sends: its attributes plus
 * {@code qmq_createTime}, {@code qmq_expireTime} (creation + 15 minutes, a client-side notion),
 * {@code qmq_appCode} and, for delayed messages, {@code qmq_scheduleReceiveTime}.
 */
final class ProducerStamp {

    static final Duration EXPIRY = Duration.ofMinutes(15);

    private final String appCode;
    private final Clock clock;
    private final MessageIds ids;

    ProducerStamp(String appCode, Clock clock, MessageIds ids) {
        this.appCode = appCode;
        this.clock = clock;
        this.ids = ids;
    }

    OutboundRecord stamp(OutgoingMessage message) {
        long now = clock.millis();
        Map<String, String> attributes = new HashMap<>(message.attributes());
        attributes.put(MessageAttributes.CREATE_TIME, Long.toString(now));
        attributes.put(MessageAttributes.EXPIRE_TIME, Long.toString(now + EXPIRY.toMillis()));
        attributes.put(MessageAttributes.APP_CODE, appCode);
        OptionalLong scheduledAt = message.scheduledAt(clock);
        scheduledAt.ifPresent(at -> attributes.put(MessageAttributes.SCHEDULE_RECEIVE_TIME, Long.toString(at)));
        String id = message.id().orElseGet(ids::next);
        return new OutboundRecord(message.subject(), id, message.tags(), attributes, now, scheduledAt.orElse(0));
    }

    long now() {
        return clock.millis();
    }
}
