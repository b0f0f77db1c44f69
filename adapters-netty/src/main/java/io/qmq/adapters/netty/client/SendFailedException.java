package io.qmq.adapters.netty.client;

/**
 * A message could not be sent: the broker refused it for good (busy, blocked) or every attempt failed.
 * The message may still have been stored by a broker whose answer was lost.
 */
public final class SendFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final String subject;

    public SendFailedException(String messageId, String subject, String reason, Throwable cause) {
        super("message " + messageId + " to " + subject + " was not sent: " + reason, cause);
        this.messageId = messageId;
        this.subject = subject;
    }

    public String messageId() {
        return messageId;
    }

    public String subject() {
        return subject;
    }
}
