package io.qmq.acceptance.driver;

import java.util.Map;
import java.util.Set;

/**
 * A message as a consumer got it.
 *
 * @param subject    the subject the client reports (retry copies are relabelled with the real subject)
 * @param messageId  the id the producer's client gave it
 * @param properties its string properties
 * @param tags       its tags
 * @param attempt    which delivery this is: 1 for the first, 2 for the first retry, ...
 */
public record Delivery(String subject, String messageId, Map<String, String> properties, Set<String> tags,
                       int attempt) {

    public Delivery {
        properties = Map.copyOf(properties);
        tags = Set.copyOf(tags);
    }

    public String property(String name) {
        return properties.get(name);
    }
}
