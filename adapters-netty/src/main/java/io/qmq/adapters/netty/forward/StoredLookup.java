package io.qmq.adapters.netty.forward;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.qmq.adapters.netty.client.ForwardingLink;
import io.qmq.adapters.netty.codec.FindStoredRequestBody;
import io.qmq.application.port.out.StoredCheck;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks brokers which messages in doubt they already store. The message may have gone to any realtime
 * group of its subject, so every group the subject's producer or consumer route lists is asked: the
 * consumer route keeps groups an operator made read-only since the forward, which still hold what they
 * stored. Requests carry at most {@code maxPerRequest} candidates. A candidate is stored when any group
 * says so; when no group says so but one could not answer (no route, no answer in time, an error), it is
 * unanswered, never guessed. A broker that does not know the request at all (a stock one) counts as
 * storing none. Groups in neither route (offline, or removed from the subject) are not asked.
 */
final class StoredLookup {

    private static final Logger LOG = LoggerFactory.getLogger(StoredLookup.class);

    private final ForwardingLink link;
    private final ForwarderConfig config;

    StoredLookup(ForwardingLink link, ForwarderConfig config) {
        this.link = link;
        this.config = config;
    }

    /** Never completes exceptionally. */
    CompletableFuture<StoredCheck> check(List<Message> candidates, long since) {
        Map<Subject, List<Message>> bySubject = new LinkedHashMap<>();
        candidates.forEach(m -> bySubject.computeIfAbsent(m.subject(), s -> new ArrayList<>()).add(m));
        List<CompletableFuture<StoredCheck>> checks = new ArrayList<>();
        bySubject.forEach((subject, ofSubject) -> {
            for (int from = 0; from < ofSubject.size(); from += config.maxPerRequest()) {
                List<Message> chunk = List.copyOf(ofSubject.subList(from, Math.min(ofSubject.size(), from + config.maxPerRequest())));
                checks.add(checkChunk(subject, chunk, since));
            }
        });
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<Message> stored = new ArrayList<>();
            List<Message> unanswered = new ArrayList<>();
            checks.forEach(c -> {
                stored.addAll(c.join().stored());
                unanswered.addAll(c.join().unanswered());
            });
            return new StoredCheck(stored, unanswered);
        });
    }

    private CompletableFuture<StoredCheck> checkChunk(Subject subject, List<Message> chunk, long since) {
        return link.storingBrokers(subject)
                .completeOnTimeout(List.of(), config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> List.of())
                .thenCompose(addresses -> {
                    if (addresses.isEmpty()) {
                        LOG.warn("no realtime broker known for subject {}; {} messages stay in doubt", subject, chunk.size());
                        link.refreshStoringRoutes(subject);
                        return CompletableFuture.completedFuture(new StoredCheck(List.of(), chunk));
                    }
                    List<CompletableFuture<Optional<List<Integer>>>> answers = addresses.stream()
                            .map(address -> ask(address, chunk, since)).toList();
                    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                            .thenApply(ignored -> combine(chunk, answers.stream().map(CompletableFuture::join).toList()));
                });
    }

    /** The places of the stored candidates, or empty when this broker could not tell. */
    private CompletableFuture<Optional<List<Integer>>> ask(String address, List<Message> chunk, long since) {
        ByteBuf body = Unpooled.buffer();
        FindStoredRequestBody.encode(body, since, chunk.stream().map(Message::encoded).toList());
        return link.findStored(address, body, config.sendTimeout())
                .thenApply(Optional::of)
                .exceptionally(failure -> {
                    LOG.warn("could not ask {} which of {} forwarded messages it stores: {}", address, chunk.size(),
                            failure.toString());
                    return Optional.empty();
                });
    }

    private static StoredCheck combine(List<Message> chunk, List<Optional<List<Integer>>> answers) {
        Set<Message> stored = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean allAnswered = true;
        for (Optional<List<Integer>> answer : answers) {
            allAnswered &= answer.isPresent();
            answer.ifPresent(places -> places.stream().filter(i -> i >= 0 && i < chunk.size())
                    .forEach(i -> stored.add(chunk.get(i))));
        }
        List<Message> unanswered = allAnswered ? List.of()
                : chunk.stream().filter(m -> !stored.contains(m)).toList();
        return new StoredCheck(chunk.stream().filter(stored::contains).toList(), unanswered);
    }
}
