package io.qmq.bootstrap.bench;

/**
 * What a benchmark run achieved.
 *
 * @param sent     messages the node confirmed
 * @param failed   messages whose send failed
 * @param received messages the consumers got (a redelivered message counts again)
 */
public record BenchResult(long sent, long failed, long received) {
}
