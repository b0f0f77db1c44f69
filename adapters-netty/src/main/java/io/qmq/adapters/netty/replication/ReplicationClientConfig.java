package io.qmq.adapters.netty.replication;

import java.time.Duration;
import java.util.Objects;

/**
 * How a slave follows its master.
 *
 * @param group       the slave's broker group; the master must lead the same one
 * @param masterHost  host of the master's replication endpoint ({@code broker.replication.master})
 * @param masterPort  its port
 * @param chunkBytes  the most record bytes asked for at once (a larger single record still comes whole)
 * @param retryDelay  pause before reconnecting after the connection failed or closed
 * @param readTimeout a master silent this long is taken for gone (it answers every fetch within its wait)
 */
public record ReplicationClientConfig(String group, String masterHost, int masterPort, int chunkBytes,
                                      Duration retryDelay, Duration readTimeout) {

    public static final int DEFAULT_CHUNK_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    public ReplicationClientConfig {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(masterHost, "master host");
        Objects.requireNonNull(retryDelay, "retry delay");
        Objects.requireNonNull(readTimeout, "read timeout");
        if (masterPort <= 0 || masterPort > 65_535) {
            throw new IllegalArgumentException("master replication port must be 1..65535, got " + masterPort);
        }
        if (chunkBytes <= 0) {
            throw new IllegalArgumentException("chunk size must be positive, got " + chunkBytes);
        }
    }

    public static ReplicationClientConfig of(String group, String masterHost, int masterPort) {
        return new ReplicationClientConfig(group, masterHost, masterPort, DEFAULT_CHUNK_BYTES, DEFAULT_RETRY_DELAY,
                DEFAULT_READ_TIMEOUT);
    }

    String master() {
        return masterHost + ":" + masterPort;
    }
}
