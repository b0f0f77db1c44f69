package io.qmq.adapters.netty;

import java.time.Duration;
import java.util.Objects;

/**
 * How the broker's client endpoint listens.
 *
 * @param bindHost      interface to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port          TCP port; 0 picks a free one (read it back from {@link BrokerServer#port()})
 * @param maxFrameBytes largest request frame accepted, length field included; larger frames are skipped
 *                      unread and answered 51. Must exceed the largest send batch: the stock producer
 *                      sends up to 30 messages per frame, a delay server up to 50
 * @param idleTimeout   a connection with no reads for this long is closed (clients close at 120 s)
 * @param ioThreads     event-loop threads for connections; 0 means Netty's default (2 x cores)
 */
public record BrokerServerConfig(String bindHost, int port, int maxFrameBytes, Duration idleTimeout, int ioThreads) {

    public static final int DEFAULT_PORT = 20881;
    public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(180);
    /** Frame header plus room for one small message: below this nothing useful fits. */
    private static final int MIN_FRAME_BYTES = 1024;

    public BrokerServerConfig {
        Objects.requireNonNull(bindHost, "bind host");
        Objects.requireNonNull(idleTimeout, "idle timeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("broker port must be 0..65535, got " + port);
        }
        if (maxFrameBytes < MIN_FRAME_BYTES) {
            throw new IllegalArgumentException("broker max frame size must be at least " + MIN_FRAME_BYTES + " bytes, got " + maxFrameBytes);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("broker idle timeout must be positive, got " + idleTimeout);
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("broker io threads must be >= 0, got " + ioThreads);
        }
    }

    /** Defaults for everything but where to listen. */
    public static BrokerServerConfig listeningOn(String bindHost, int port) {
        return new BrokerServerConfig(bindHost, port, DEFAULT_MAX_FRAME_BYTES, DEFAULT_IDLE_TIMEOUT, 0);
    }
}
