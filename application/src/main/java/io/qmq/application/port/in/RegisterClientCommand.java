package io.qmq.application.port.in;

import io.qmq.domain.cluster.ClientRegistration;
import java.util.Objects;

/**
 * @param registration who the client is and what it uses
 * @param firstContact whether this is the client's first request for this subject (QMQ's ONLINE), as
 *                     opposed to a periodic refresh
 */
public record RegisterClientCommand(ClientRegistration registration, boolean firstContact) {

    public RegisterClientCommand {
        Objects.requireNonNull(registration, "registration");
    }
}
