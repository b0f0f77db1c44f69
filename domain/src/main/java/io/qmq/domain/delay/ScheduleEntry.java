package io.qmq.domain.delay;

/**
 * What the delay server keeps in memory of a message due soon: enough to fire at the right moment and
 * find the message again, not the message itself, so memory does not grow with message sizes.
 *
 * @param scheduleId the message's schedule id
 * @param dueAt      when it falls due, epoch milliseconds
 * @param location   where the store keeps it; meaningful only to the store that issued it
 */
public record ScheduleEntry(long scheduleId, long dueAt, long location) {
}
