package io.qmq.adapters.netty;

import java.util.Objects;

/**
 * How the delay node's admin endpoint listens and whom it serves.
 *
 * @param bindHost interface to bind
 * @param port     HTTP port; 0 picks a free one (read it back from {@link AdminHttpServer#port()})
 * @param token    the secret every request must carry in the {@value AdminHttpServer#TOKEN_HEADER} header
 */
public record AdminServerConfig(String bindHost, int port, String token) {

    public AdminServerConfig {
        Objects.requireNonNull(bindHost, "bind host");
        Objects.requireNonNull(token, "admin token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the admin endpoint needs a non-empty token");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("admin port must be 0..65535, got " + port);
        }
    }
}
