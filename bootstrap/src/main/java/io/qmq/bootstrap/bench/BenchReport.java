package io.qmq.bootstrap.bench;

import java.io.PrintWriter;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Formats the progress lines and the final summary. */
final class BenchReport {

    private static final double MICROS_PER_MILLI = 1_000.0;
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private final PrintWriter out;
    private final BenchPlan plan;

    BenchReport(PrintWriter out, BenchPlan plan) {
        this.out = out;
        this.plan = plan;
    }

    void start() {
        out.printf(Locale.ROOT, "bench %s: subject=%s group=%s producers=%d consumers=%d size=%dB count=%d duration=%ds"
                        + " rate=%s warmup=%ds%n", plan.label(), plan.subject(), plan.group(), plan.producers(), plan.consumers(),
                plan.messageBytes(), plan.count(), plan.duration().toSeconds(),
                plan.rate() > 0 ? String.format(Locale.ROOT, "%.0f/s", plan.rate()) : "max",
                plan.warmUp().toSeconds());
        out.flush();
    }

    void progress(double seconds, long sent, long sentRate, long received, long receivedRate, Histogram send,
                  Histogram endToEnd) {
        out.printf(Locale.ROOT, "%6.1fs sent=%d (%d/s) received=%d (%d/s) send p50=%.2fms p99=%.2fms e2e p50=%.2fms p99=%.2fms%n",
                seconds, sent, sentRate, received, receivedRate, millis(send, 50), millis(send, 99),
                millis(endToEnd, 50), millis(endToEnd, 99));
        out.flush();
    }

    void summary(double sendSeconds, long sent, long failed, long received, Histogram send, Histogram endToEnd) {
        double rate = sendSeconds > 0 ? sent / sendSeconds : 0;
        out.printf(Locale.ROOT, "result %s: sent=%d failed=%d received=%d in %.2fs: %.0f msg/s, %.2f MiB/s%n",
                plan.label(), sent, failed, received, sendSeconds, rate, rate * plan.messageBytes() / BYTES_PER_MIB);
        out.println("latency ms      p50      p90      p99    p99.9      max    count");
        out.println(row("send", send));
        out.println(row("end-to-end", endToEnd));
        out.flush();
    }

    /** The consumers' own pace, first message to last: with a backlog waiting, how fast it drains. */
    void consumed(long received, double receivingSeconds) {
        double rate = receivingSeconds > 0 ? received / receivingSeconds : 0;
        out.printf(Locale.ROOT, "consumed %s: received=%d from first to last in %.2fs: %.0f msg/s%n", plan.label(),
                received, receivingSeconds, rate);
        out.flush();
    }

    /** Delayed messages: how late after their due time they arrived, and what must never happen. */
    void lateness(DeliveryLateness lateness) {
        out.printf(Locale.ROOT, "delay %s: window=%d-%dms early=%d duplicates=%d%n", plan.label(),
                plan.delay().min().toMillis(), plan.delay().max().toMillis(), lateness.early(), lateness.duplicates());
        out.println("lateness ms     p50      p90      p99    p99.9      max    count");
        out.println(row("lateness", lateness.total()));
        out.flush();
    }

    private static String row(String name, Histogram histogram) {
        return String.format(Locale.ROOT, "%-10s %8.2f %8.2f %8.2f %8.2f %8.2f %8d", name, millis(histogram, 50),
                millis(histogram, 90), millis(histogram, 99), millis(histogram, 99.9),
                histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / MICROS_PER_MILLI, histogram.getTotalCount());
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / MICROS_PER_MILLI;
    }
}
