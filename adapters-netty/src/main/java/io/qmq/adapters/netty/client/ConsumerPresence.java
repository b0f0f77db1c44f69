package io.qmq.adapters.netty.client;

import io.qmq.adapters.netty.codec.MetaInfoResponseBody;
import io.qmq.domain.message.Subject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the meta server wants a (subject, consumer group) to pull (§3.4, step 7). Only answers for a
 * real subject with a group count; an answer older (smaller timestamp) than the newest seen on any key
 * is ignored for this purpose. Consumers are online until told otherwise.
 */
final class ConsumerPresence {

    private final Map<String, Boolean> online = new ConcurrentHashMap<>();
    private long newestTimestamp = -1;

    synchronized void onAnswer(MetaInfoResponseBody answer, Subject subject) {
        if (answer.timestamp() < newestTimestamp) {
            return;
        }
        newestTimestamp = answer.timestamp();
        if (!subject.isRetry() && !subject.isDeadLetter() && !answer.consumerGroup().isEmpty()) {
            online.put(key(subject, answer.consumerGroup()), answer.onOfflineState() == MetaInfoResponseBody.ONLINE);
        }
    }

    /** For a retry subject, the state of its real subject decides. */
    boolean isOnline(Subject subject, String group) {
        return online.getOrDefault(key(subject.real(), group), Boolean.TRUE);
    }

    private static String key(Subject subject, String group) {
        return subject.name() + '\n' + group;
    }
}
