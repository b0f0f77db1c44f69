package io.qmq.application.port.out;

import io.qmq.domain.message.Subject;
import java.time.Duration;

/** What the delay server reports about its work. Implementations must be cheap and never throw. */
public interface DelayMetrics {

    /** Messages of one subject were accepted and stored for later. */
    void messagesScheduled(Subject subject, int count);

    /** A message reached a realtime broker this long after it fell due. */
    void messageForwarded(Subject subject, Duration lateness);

    /**
     * Messages whose forward was in doubt after a restart were found already stored by a broker: they
     * count as forwarded, without a lateness (they reached the broker before the restart).
     */
    void foundAlreadyStored(Subject subject, int count);

    /** Forwarding failed for this many messages; they will be tried again. */
    void forwardFailed(int count);

    /** Does nothing: for tests and nodes without metrics. */
    DelayMetrics NONE = new DelayMetrics() {
        @Override
        public void messagesScheduled(Subject subject, int count) {
        }

        @Override
        public void messageForwarded(Subject subject, Duration lateness) {
        }

        @Override
        public void foundAlreadyStored(Subject subject, int count) {
        }

        @Override
        public void forwardFailed(int count) {
        }
    };
}
