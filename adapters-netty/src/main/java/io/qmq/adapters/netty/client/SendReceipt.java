package io.qmq.adapters.netty.client;

/**
 * A broker group accepted a message.
 *
 * @param messageId   the message's id (generated or the application's)
 * @param subject     the subject it was sent to
 * @param brokerGroup the group that stored it
 * @param attempts    how many sends it took
 */
public record SendReceipt(String messageId, String subject, String brokerGroup, int attempts) {
}
