package io.qmq.adapters.netty.client;

import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.util.Objects;

/**
 * What a broker list is cached under: the meta server answers per (client type, subject), never per
 * consumer group, so two groups of one subject share a route.
 */
record RouteKey(ClientType type, Subject subject) {

    RouteKey {
        Objects.requireNonNull(type, "client type");
        Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String toString() {
        return type + ":" + subject;
    }
}
