package io.qmq.application.port.in;

import java.util.concurrent.CompletableFuture;

/** A consumer asks for the next messages of its subscription, waiting a while if there are none. */
public interface PullMessagesUseCase {

    /**
     * Hands the consumer messages under consecutive pull sequences. Messages the consumer was given
     * before but evidently lost come first, under their original sequences. When there is nothing, the
     * future completes empty once the long-poll time has passed, or earlier when messages arrive.
     */
    CompletableFuture<PullResult> pull(PullCommand command);
}
