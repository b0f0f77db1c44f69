package io.qmq.application.service;

import io.qmq.application.port.in.RegisterClientCommand;
import io.qmq.application.port.in.RegisterClientUseCase;
import io.qmq.application.port.in.ResolveRouteUseCase;
import io.qmq.application.port.in.RouteAnswer;
import io.qmq.application.port.out.ClientRegistrationStore;
import io.qmq.application.port.out.MetaDataUnavailableException;
import io.qmq.domain.cluster.ClientRegistration;

/**
 * Records who uses what and answers with the broker groups to use. Consumers are always told to be
 * online: no operator switch exists yet, and a constant version never takes a consumer offline.
 */
public final class RegisterClientService implements RegisterClientUseCase {

    private static final System.Logger LOG = System.getLogger(RegisterClientService.class.getName());

    /** Stamp of the on/offline answers; constant until consumers can be switched off. */
    static final long ROUTE_VERSION = 0;

    private final ResolveRouteUseCase routes;
    private final ClientRegistrationStore registrations;

    public RegisterClientService(ResolveRouteUseCase routes, ClientRegistrationStore registrations) {
        this.routes = routes;
        this.registrations = registrations;
    }

    @Override
    public RouteAnswer register(RegisterClientCommand command) {
        ClientRegistration registration = command.registration();
        try {
            registrations.record(registration);
        } catch (MetaDataUnavailableException e) {
            // the client still needs its route; the registration is recorded again at its next refresh
            LOG.log(System.Logger.Level.WARNING, "could not record " + registration.clientId() + " for "
                    + registration.subject() + ": " + e.getMessage());
        }
        return new RouteAnswer(ROUTE_VERSION, true, routes.resolve(registration.subject(), registration.type()));
    }
}
