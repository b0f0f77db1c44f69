package io.qmq.application.service;

import io.qmq.application.port.in.PullResult;

/**
 * What one look at a subscription found.
 *
 * @param result      the messages handed out, possibly none
 * @param nextDueAt   when a message already stored but held back (a retry not yet due) becomes
 *                    deliverable, epoch milliseconds; 0 when none is held back
 * @param arrivalsSeen the subject's arrival version before the look, to detect arrivals racing it
 */
record Dispensed(PullResult result, long nextDueAt, long arrivalsSeen) {
}
