package io.qmq.domain.cluster;

import io.qmq.domain.message.Subject;
import java.util.Objects;

/**
 * A client's declaration that it produces or consumes a subject.
 *
 * @param subject       what it uses (for consumers of retries, the retry subject)
 * @param type          producer, consumer or delay producer
 * @param appCode       the application's code, possibly empty
 * @param clientId      the client's identity
 * @param consumerGroup the consumer group; empty for producers
 * @param at            when it was seen, epoch milliseconds
 */
public record ClientRegistration(Subject subject, ClientType type, String appCode, String clientId,
                                 String consumerGroup, long at) {

    public ClientRegistration {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(type, "type");
        appCode = appCode == null ? "" : appCode;
        consumerGroup = consumerGroup == null ? "" : consumerGroup;
        Objects.requireNonNull(clientId, "client id");
    }
}
