package io.qmq.application.port.in;

import io.qmq.domain.message.Subject;
import java.util.List;

/**
 * The consumers of one consumer group on one subject.
 *
 * @param subject       the real subject consumed
 * @param consumerGroup the group's name
 * @param consumers     its clients, oldest registration first
 * @param backlog       what the broker groups last reported of its backlog on the subject
 */
public record ConsumerGroupView(Subject subject, String consumerGroup, List<Consumer> consumers,
                                ConsumerGroupBacklog backlog) {

    public ConsumerGroupView {
        consumers = List.copyOf(consumers);
    }

    /**
     * One consuming client.
     *
     * @param clientId   its identity
     * @param appCode    its application's code, possibly empty
     * @param lastSeenAt when it last registered, epoch milliseconds
     * @param online     whether it registered recently enough to count as alive
     */
    public record Consumer(String clientId, String appCode, long lastSeenAt, boolean online) {
    }
}
