package io.qmq.acceptance.driver;

/** A client reported that it gave up sending a message. */
public final class MessageNotSentException extends RuntimeException {

    public MessageNotSentException(String subject, String messageId) {
        super("the client gave up sending message " + messageId + " to " + subject);
    }
}
