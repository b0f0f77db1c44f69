package io.qmq.acceptance.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What one consumer group (all its instances together) should have received. */
public final class GroupExpectations {

    private static final Logger LOG = LoggerFactory.getLogger(GroupExpectations.class);

    /** Scheduling slack allowed when checking that a retry waited out the retry delay. */
    private static final double DELAY_TOLERANCE = 0.9;
    /** Due times travel in whole milliseconds of the wall clock; the test measures on the nano clock. */
    private static final Duration DUE_TIME_RESOLUTION = Duration.ofMillis(2);

    private final World world;
    private final String group;

    GroupExpectations(World world, String group) {
        this.world = world;
        this.group = group;
    }

    /** Every message acknowledged to {@code subject} reaches the group intact (duplicates allowed). */
    public void receivesAll(String subject) {
        Completeness.awaitAll("group " + group, world.ledger.keysSentTo(subject),
                () -> world.inbox.keysOfGroup(group));
        receivedIntact();
    }

    /** The group gets the messages of these batches and, after a quiet spell, nothing else. */
    public void receivesExactly(String... batches) {
        Set<String> expected = world.ledger.keysOfBatches(batches);
        Completeness.awaitAll("group " + group, expected, () -> world.inbox.keysOfGroup(group));
        await().during(Patience.QUIET).atMost(Patience.QUIET.multipliedBy(2)).pollInterval(Patience.POLL)
                .until(() -> world.inbox.keysOfGroup(group).equals(expected));
        receivedIntact();
    }

    /** Each message of {@code subject} is delivered exactly {@code attempts} times, numbered 1 to attempts. */
    public void receivesEachMessageTimes(String subject, int attempts) {
        Set<String> expected = world.ledger.keysSentTo(subject);
        await("group " + group + " gets each message " + attempts + " times")
                .atMost(Patience.DELIVERY.plus(world.settings().retryDelay().multipliedBy(attempts)))
                .pollInterval(Patience.POLL)
                .until(() -> expected.stream().allMatch(key -> attemptsOf(key).size() >= attempts));
        await().during(Patience.QUIET).atMost(Patience.QUIET.multipliedBy(2)).pollInterval(Patience.POLL)
                .until(() -> expected.stream().allMatch(key -> attemptsOf(key).size() == attempts));
        List<Integer> numbering = IntStream.rangeClosed(1, attempts).boxed().toList();
        expected.forEach(key -> assertThat(attemptsOf(key)).as("attempt numbers of %s", key).isEqualTo(numbering));
    }

    /** Each redelivery came no sooner than the node's retry delay after the delivery before it. */
    public void retriesEachMessageNoSoonerThanTheRetryDelay() {
        Duration delay = world.settings().retryDelay();
        byKey().forEach((key, receipts) -> {
            for (int i = 1; i < receipts.size(); i++) {
                long gap = receipts.get(i).nanos() - receipts.get(i - 1).nanos();
                assertThat(Duration.ofNanos(gap)).as("gap before attempt %d of %s", i + 1, key)
                        .isGreaterThanOrEqualTo(Duration.ofNanos((long) (delay.toNanos() * DELAY_TOLERANCE)));
            }
        });
    }

    /** No delayed message reached the group before it was due (what has arrived so far). */
    public void receivedNoneBeforeItWasDue() {
        assertThat(world.inbox.receiptsOfGroup(group).stream()
                .filter(receipt -> world.ledger.dueNanosOf(receipt.key()).stream()
                        .anyMatch(due -> receipt.nanos() < due - DUE_TIME_RESOLUTION.toNanos()))
                .map(Inbox.Receipt::key).limit(10))
                .as("delayed messages delivered to %s before they were due", group).isEmpty();
    }

    /** Waits for every message of {@code subject}, then says how long the first to last delivery took. */
    public Duration drainTimeOf(String subject) {
        receivesAll(subject);
        List<Inbox.Receipt> receipts = world.inbox.receiptsOfGroup(group);
        long first = receipts.stream().mapToLong(Inbox.Receipt::nanos).min().orElseThrow();
        long last = receipts.stream().mapToLong(Inbox.Receipt::nanos).max().orElseThrow();
        Duration drain = Duration.ofNanos(last - first);
        LOG.info("group {} took {} from first to last of {} deliveries", group, drain, receipts.size());
        return drain;
    }

    /** Every delivery so far carried the text property and the tags its message was sent with. */
    private void receivedIntact() {
        List<Inbox.Receipt> receipts = world.inbox.receiptsOfGroup(group);
        assertThat(receipts.stream().filter(receipt -> !receipt.textIntact()).map(Inbox.Receipt::key).limit(10))
                .as("deliveries to %s whose text property changed", group).isEmpty();
        assertThat(receipts.stream().filter(receipt -> !receipt.tags().equals(world.ledger.tagsOf(receipt.key())))
                .map(receipt -> receipt.key() + " " + receipt.tags()).limit(10))
                .as("deliveries to %s whose tags changed", group).isEmpty();
    }

    private List<Integer> attemptsOf(String key) {
        return world.inbox.receiptsOfGroup(group).stream().filter(receipt -> receipt.key().equals(key))
                .sorted(Comparator.comparingLong(Inbox.Receipt::nanos)).map(Inbox.Receipt::attempt).toList();
    }

    private Map<String, List<Inbox.Receipt>> byKey() {
        return world.inbox.receiptsOfGroup(group).stream()
                .sorted(Comparator.comparingLong(Inbox.Receipt::nanos))
                .collect(Collectors.groupingBy(Inbox.Receipt::key));
    }
}
