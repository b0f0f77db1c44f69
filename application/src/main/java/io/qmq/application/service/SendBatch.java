package io.qmq.application.service;

import io.qmq.application.port.in.SendResult;
import io.qmq.application.port.in.SendStatus;
import io.qmq.domain.message.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * One send request while it is being answered: which messages were refused up front, which went on
 * to be stored, and the answer for each, in the request's order.
 */
final class SendBatch {

    private final List<Message> messages;
    private final SendResult[] results;
    private final List<Integer> acceptedPositions = new ArrayList<>();

    SendBatch(List<Message> messages) {
        this.messages = messages;
        this.results = new SendResult[messages.size()];
    }

    int size() {
        return messages.size();
    }

    Message message(int position) {
        return messages.get(position);
    }

    void accept(int position) {
        acceptedPositions.add(position);
    }

    void refuse(int position, SendStatus status, String remark) {
        results[position] = new SendResult(messages.get(position).id(), status, remark);
    }

    boolean noneAccepted() {
        return acceptedPositions.isEmpty();
    }

    /** The accepted messages, in order. */
    List<Message> accepted() {
        return acceptedPositions.stream().map(messages::get).toList();
    }

    /** Answers every accepted message as stored, or, when the store failed, as a store error. */
    List<SendResult> settle(Throwable storeFailure) {
        for (int position : acceptedPositions) {
            Message message = messages.get(position);
            results[position] = storeFailure == null
                    ? SendResult.stored(message.id())
                    : new SendResult(message.id(), SendStatus.STORE_ERROR, "store failed: " + storeFailure.getMessage());
        }
        return List.of(results);
    }

    List<SendResult> results() {
        return List.of(results);
    }
}
