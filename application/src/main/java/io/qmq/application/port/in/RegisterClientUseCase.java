package io.qmq.application.port.in;

/** A client declares what it produces or consumes and learns which broker groups to use. */
public interface RegisterClientUseCase {

    RouteAnswer register(RegisterClientCommand command);
}
