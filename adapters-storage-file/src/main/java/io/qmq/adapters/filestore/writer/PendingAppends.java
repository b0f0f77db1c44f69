package io.qmq.adapters.filestore.writer;

import io.qmq.application.port.out.MessageLogException;
import io.qmq.domain.message.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The producers' futures of the batch being written, with what each will be told. Writer thread only. */
final class PendingAppends {

    private final List<CompletableFuture<List<StoredMessage>>> futures = new ArrayList<>();
    private final List<List<StoredMessage>> results = new ArrayList<>();

    void add(CompletableFuture<List<StoredMessage>> future, List<StoredMessage> stored) {
        futures.add(future);
        results.add(stored);
    }

    boolean isEmpty() {
        return futures.isEmpty();
    }

    void completeAll() {
        for (int i = 0; i < futures.size(); i++) {
            futures.get(i).complete(results.get(i));
        }
        clear();
    }

    void failAll(MessageLogException failure) {
        futures.forEach(f -> f.completeExceptionally(failure));
        clear();
    }

    private void clear() {
        futures.clear();
        results.clear();
    }
}
