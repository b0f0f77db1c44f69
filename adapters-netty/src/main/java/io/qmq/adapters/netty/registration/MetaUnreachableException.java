package io.qmq.adapters.netty.registration;

/** A registration got no answer: no meta server address, no connection, a refusal or a timeout. */
final class MetaUnreachableException extends Exception {

    MetaUnreachableException(String message) {
        super(message);
    }

    MetaUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
