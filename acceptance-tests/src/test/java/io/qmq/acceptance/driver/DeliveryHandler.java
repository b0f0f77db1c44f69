package io.qmq.acceptance.driver;

/** The application's listener: returning finishes the message, throwing asks for a retry. */
@FunctionalInterface
public interface DeliveryHandler {

    void onMessage(Delivery delivery) throws Exception;
}
