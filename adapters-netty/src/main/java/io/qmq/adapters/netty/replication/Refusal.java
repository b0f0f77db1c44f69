package io.qmq.adapters.netty.replication;

import java.util.Objects;

/**
 * The master will not serve this slave. A fatal refusal (the copy diverged, or the slave belongs to
 * another group) ends replication until an operator acts; any other is worth trying again.
 */
public record Refusal(boolean fatal, String reason) {

    public Refusal {
        Objects.requireNonNull(reason, "reason");
    }
}
