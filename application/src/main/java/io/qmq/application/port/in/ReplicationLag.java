package io.qmq.application.port.in;

import java.time.Duration;

/**
 * How far the slave's copy of the message log is behind the master, seen from the master.
 *
 * @param slaves       slaves connected now
 * @param bytes        log bytes the master has committed and the slave has not confirmed
 * @param behind       how long the slave has lacked something the master had (zero when caught up)
 * @param syncTimeouts sends answered with an error since start because the slave did not confirm them in time
 */
public record ReplicationLag(int slaves, long bytes, Duration behind, long syncTimeouts) {
}
