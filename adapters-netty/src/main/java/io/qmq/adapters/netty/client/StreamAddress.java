package io.qmq.adapters.netty.client;

import java.util.Objects;

/**
 * One pull stream: a subject (real or retry) of one consumer, at one broker group. The group's address
 * may change when the meta server announces a new master; acks stay with the group name.
 *
 * @param pulledSubject the subject as pulled and acked
 * @param brokerGroup   the broker group's name
 */
record StreamAddress(io.qmq.domain.message.Subject pulledSubject, String brokerGroup) {

    StreamAddress {
        Objects.requireNonNull(pulledSubject, "pulled subject");
        Objects.requireNonNull(brokerGroup, "broker group");
    }

    @Override
    public String toString() {
        return pulledSubject + "@" + brokerGroup;
    }
}
