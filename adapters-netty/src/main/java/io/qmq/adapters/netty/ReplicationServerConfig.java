package io.qmq.adapters.netty;

import java.time.Duration;
import java.util.Objects;

/**
 * How a master serves its slave.
 *
 * @param bindHost    interface to bind
 * @param port        TCP port ({@code broker.replication.port}); 0 picks a free one
 * @param group       the broker group this master leads; slaves of other groups are refused
 * @param fetchWait   how long a fetch at the log's end waits for new records before an empty answer
 * @param idleTimeout a slave connection with no fetch for this long is closed
 * @param progressInterval how often the consumer progress goes to the slave: after a promotion, consumers
 *                    may receive again what they acknowledged in the last interval
 */
public record ReplicationServerConfig(String bindHost, int port, String group, Duration fetchWait, Duration idleTimeout,
                                      Duration progressInterval) {

    public static final Duration DEFAULT_WAIT = Duration.ofMillis(500);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(5);

    public ReplicationServerConfig {
        Objects.requireNonNull(bindHost, "bind host");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(fetchWait, "fetch wait");
        Objects.requireNonNull(idleTimeout, "idle timeout");
        Objects.requireNonNull(progressInterval, "progress interval");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("replication port must be 0..65535, got " + port);
        }
        if (fetchWait.isNegative() || idleTimeout.compareTo(fetchWait) <= 0) {
            throw new IllegalArgumentException("the idle timeout " + idleTimeout + " must exceed the fetch wait " + fetchWait);
        }
    }

    public static ReplicationServerConfig listeningOn(String bindHost, int port, String group) {
        return new ReplicationServerConfig(bindHost, port, group, DEFAULT_WAIT, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_PROGRESS_INTERVAL);
    }
}
