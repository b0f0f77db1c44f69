package io.qmq.adapters.netty.replication;

import io.qmq.application.port.out.ReplicaMark;
import java.util.Objects;

/**
 * A slave asks its master for the log after its copy's end. Asking is also confirming: the master
 * counts every byte before {@code mark.end()} as held by the slave (sync mode releases sends by it).
 *
 * @param group    the broker group the slave belongs to; a master of another group refuses it
 * @param mark     where the slave's copy stands, checked by the master before it confirms or serves
 * @param maxBytes the most record bytes the slave wants in one chunk
 */
public record Fetch(String group, ReplicaMark mark, int maxBytes) {

    public Fetch {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(mark, "mark");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("fetch size must be positive, got " + maxBytes);
        }
    }
}
