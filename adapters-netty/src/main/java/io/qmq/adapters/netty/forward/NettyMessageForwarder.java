package io.qmq.adapters.netty.forward;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.qmq.adapters.netty.client.ForwardingLink;
import io.qmq.adapters.netty.codec.SendRequestBody;
import io.qmq.adapters.netty.codec.SendResponseBody;
import io.qmq.application.port.out.MessageForwarder;
import io.qmq.application.port.out.StoredCheck;
import io.qmq.domain.message.Message;
import io.qmq.domain.message.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards due messages to realtime brokers as SEND_MESSAGE, each record byte for byte as its producer
 * encoded it (delay flag and schedule time included, which consumers ignore) behind a recomputed crc.
 *
 * <p>Each message goes to the next writable group of its subject's producer route; a batch that mixes
 * subjects is split per target broker and into requests of at most {@code maxPerRequest} records. A
 * message counts as forwarded when its broker answered it stored or duplicate; anything else (no route,
 * no answer within the timeout, a refusal) leaves it to the delay timer's retry, and asks the meta
 * server for a fresh route. The returned future never completes exceptionally. Messages in doubt after a
 * restart are looked up in every group of their subject by {@link StoredLookup}.
 */
final class NettyMessageForwarder implements MessageForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(NettyMessageForwarder.class);
    private static final int CRC_BYTES = Long.BYTES;

    private final ForwardingLink link;
    private final ForwarderConfig config;
    private final StoredLookup lookup;

    NettyMessageForwarder(ForwardingLink link, ForwarderConfig config) {
        this.link = link;
        this.config = config;
        this.lookup = new StoredLookup(link, config);
    }

    @Override
    public CompletableFuture<List<Message>> forward(List<Message> messages) {
        Map<Message, CompletableFuture<Optional<String>>> targets = new LinkedHashMap<>();
        messages.forEach(m -> targets.put(m, link.producerBroker(m.subject())
                .completeOnTimeout(Optional.empty(), config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)));
        return CompletableFuture.allOf(targets.values().toArray(CompletableFuture[]::new))
                .thenCompose(ignored -> sendPerBroker(byBroker(targets)));
    }

    @Override
    public CompletableFuture<StoredCheck> alreadyStored(List<Message> candidates, long since) {
        return lookup.check(candidates, since);
    }

    private Map<String, List<Message>> byBroker(Map<Message, CompletableFuture<Optional<String>>> targets) {
        Map<String, List<Message>> byBroker = new LinkedHashMap<>();
        targets.forEach((message, target) -> {
            Optional<String> address = target.join();
            if (address.isPresent()) {
                byBroker.computeIfAbsent(address.get(), a -> new ArrayList<>()).add(message);
            } else {
                LOG.warn("no realtime broker known for subject {}; message {} waits", message.subject(), message.id());
                link.refreshRoute(message.subject());
            }
        });
        return byBroker;
    }

    private CompletableFuture<List<Message>> sendPerBroker(Map<String, List<Message>> byBroker) {
        List<CompletableFuture<List<Message>>> requests = new ArrayList<>();
        byBroker.forEach((address, batch) -> {
            for (int from = 0; from < batch.size(); from += config.maxPerRequest()) {
                List<Message> chunk = batch.subList(from, Math.min(batch.size(), from + config.maxPerRequest()));
                requests.add(send(address, List.copyOf(chunk)));
            }
        });
        return CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> requests.stream().flatMap(r -> r.join().stream()).toList());
    }

    private CompletableFuture<List<Message>> send(String address, List<Message> chunk) {
        return link.send(address, encode(chunk), config.sendTimeout())
                .thenApply(failures -> stored(address, chunk, failures))
                .exceptionally(failure -> {
                    LOG.warn("forwarding {} messages to {} failed: {}", chunk.size(), address, failure.toString());
                    refreshRoutes(chunk);
                    return List.of();
                });
    }

    private List<Message> stored(String address, List<Message> chunk, Map<String, Integer> failures) {
        List<Message> stored = new ArrayList<>();
        for (Message message : chunk) {
            Integer code = failures.get(message.id().value());
            if (code == null || code == SendResponseBody.STORED || code == SendResponseBody.DUPLICATE) {
                stored.add(message);
            } else {
                LOG.warn("broker {} refused forwarded message {} of {} with code {}", address, message.id(),
                        message.subject(), code);
                link.refreshRoute(message.subject());
            }
        }
        return stored;
    }

    private void refreshRoutes(List<Message> chunk) {
        chunk.stream().map(Message::subject).distinct().forEach((Subject s) -> link.refreshRoute(s));
    }

    /** The request body: per record, the crc of the stored bytes, then those bytes unchanged. */
    static ByteBuf encode(List<Message> chunk) {
        int size = chunk.stream().mapToInt(m -> CRC_BYTES + m.size()).sum();
        ByteBuf body = Unpooled.buffer(size);
        chunk.forEach(message -> SendRequestBody.encodeStored(body, message.encoded()));
        return body;
    }

    @Override
    public void close() {
        link.close();
    }
}
