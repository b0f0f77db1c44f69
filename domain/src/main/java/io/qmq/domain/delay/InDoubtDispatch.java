package io.qmq.domain.delay;

import java.util.Objects;

/**
 * A scheduled message whose forward began but whose outcome is unknown: the delay server recorded that
 * it was handing the message to a realtime broker, then stopped (a crash) before it recorded the
 * broker's answer. The broker may or may not have stored it, so it must be asked before the message is
 * forwarded again.
 *
 * @param entry        the message's entry, still pending
 * @param dispatchedAt when its first recorded forward began, epoch milliseconds on the delay server's clock
 */
public record InDoubtDispatch(ScheduleEntry entry, long dispatchedAt) {

    public InDoubtDispatch {
        Objects.requireNonNull(entry, "entry");
    }
}
