package io.qmq.acceptance.dsl;

import io.qmq.acceptance.driver.ClientKind;
import io.qmq.acceptance.driver.ConsumerDriver;
import io.qmq.acceptance.driver.SubscriptionRequest;
import io.qmq.acceptance.driver.TagMode;
import java.time.Duration;
import java.util.Set;

/**
 * Starts consumer instances of one group. Defaults: the stock client, one instance, four listener
 * threads, listeners that finish at once and acknowledge, no tag filter.
 */
public final class Subscribing {

    private static final int DEFAULT_THREADS = 4;

    private final World world;
    private final String group;
    private final String consumerName;
    private ClientKind client = ClientKind.STOCK;
    private int instances = 1;
    private int threads = DEFAULT_THREADS;
    private Duration workPerMessage = Duration.ZERO;
    private boolean failing;
    private boolean acknowledges = true;
    private boolean paused;
    private TagMode tagMode = TagMode.ANY;
    private Set<String> tags = Set.of();

    Subscribing(World world, String group, String consumerName) {
        this.world = world;
        this.group = group;
        this.consumerName = consumerName;
    }

    public Subscribing using(ClientKind kind) {
        this.client = kind;
        return this;
    }

    public Subscribing withConsumers(int count) {
        if (consumerName != null && count != 1) {
            throw new IllegalArgumentException("a named consumer is one instance");
        }
        this.instances = count;
        return this;
    }

    /** Each instance works on one message at a time. */
    public Subscribing oneMessageAtATime() {
        this.threads = 1;
        return this;
    }

    public Subscribing spending(Duration perMessage) {
        this.workPerMessage = perMessage;
        return this;
    }

    /** The listener throws for every message, so the client asks for each one again. */
    public Subscribing failingEveryTime() {
        this.failing = true;
        return this;
    }

    /** The instance takes messages and never finishes them, so they are never acknowledged. */
    public Subscribing neverAcknowledging() {
        this.acknowledges = false;
        return this;
    }

    /** Listeners hold every message until the test resumes the group. */
    public Subscribing paused() {
        this.paused = true;
        return this;
    }

    public Subscribing onlyTaggedWithAllOf(String... required) {
        return filtering(TagMode.AND, required);
    }

    public Subscribing onlyTaggedWithAnyOf(String... accepted) {
        return filtering(TagMode.OR, accepted);
    }

    public void consumes(String subject) {
        start(world.names.subject(subject), group);
    }

    /**
     * Reads the dead letters this group gave up on in {@code subject}. It has to be the same group:
     * a dead letter names the group it belongs to, and clients pass over messages of other groups.
     * What it reads is expected through {@link Then#deadLettersOf(String)}.
     */
    public void consumesDeadLettersOf(String subject) {
        start(world.names.deadLetterSubject(subject, group), Then.deadLetterReader(group));
    }

    private Subscribing filtering(TagMode mode, String... filterTags) {
        this.tagMode = mode;
        this.tags = Set.of(filterTags);
        return this;
    }

    private void start(String wireSubject, String inboxName) {
        Gate gate = world.gates.computeIfAbsent(group, g -> paused ? Gate.closed() : Gate.alreadyOpen());
        for (int i = 0; i < instances; i++) {
            String name = consumerName != null ? consumerName : world.nextInstanceName(group);
            SubscriptionRequest request = new SubscriptionRequest(wireSubject, world.names.group(group),
                    world.names.consumerId(name), tagMode, tags, threads, acknowledges);
            RecordingListener listener = new RecordingListener(world.inbox, inboxName, name, gate, workPerMessage,
                    failing);
            ConsumerDriver consumer = world.client(client).subscribe(request, listener);
            world.consumerStarted(group, name, consumer);
        }
    }
}
