package io.qmq.application.port.out;

import io.qmq.domain.cluster.ClientRegistration;
import io.qmq.domain.message.Subject;
import java.util.List;

/** Who produces and consumes what. */
public interface ClientRegistrationStore {

    /**
     * Records the registration; a client registering the same subject, type and group again only
     * updates when it was last seen.
     */
    void record(ClientRegistration registration);

    /** The registrations for one subject, oldest first. */
    List<ClientRegistration> registrations(Subject subject);
}
