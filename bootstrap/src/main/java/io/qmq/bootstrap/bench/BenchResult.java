package io.qmq.bootstrap.bench;

/**
 * What a benchmark run achieved.
 *
 * @param sent     messages the node confirmed
 * @param failed   messages whose send failed
 * @param received   messages the consumers got (a redelivered message counts again)
 * @param early      delayed messages received before their due time
 * @param duplicates delayed messages received again under an id already seen
 */
public record BenchResult(long sent, long failed, long received, long early, long duplicates) {
}
