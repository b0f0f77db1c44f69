package io.qmq.acceptance.dsl;

/** Thrown by a listener the test made fail, so that the client asks for the message again. */
final class ListenerRefusedException extends RuntimeException {

    ListenerRefusedException(String key, int attempt) {
        super("the listener refuses message " + key + " (attempt " + attempt + ") on purpose");
    }
}
