package io.qmq.application.port.in;

import io.qmq.domain.message.Message;
import java.util.List;

/**
 * Which of some messages a realtime broker already stores: asked by a delay server that restarted
 * while forwarding them and does not know whether the broker got them. A message counts as stored when
 * one with the same subject, id and bytes is (a consumer's retry keeps the id but not the bytes).
 *
 * <p>Answering may read the message log, so it blocks: callers run it off their I/O threads.
 */
public interface FindStoredMessagesUseCase {

    /** The candidates (the very instances given) that this broker stores. */
    List<Message> findStored(FindStoredMessagesCommand command);
}
