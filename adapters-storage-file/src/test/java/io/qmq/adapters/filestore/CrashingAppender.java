package io.qmq.adapters.filestore;

import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;

/**
 * The child process of {@link MessageLogCrashTest}: appends from several threads until it is killed,
 * printing {@code ack <subject> <sequence> <id>} for every message whose append completed.
 *
 * <p>Arguments: data directory, flush policy, run label (makes ids unique across runs).
 */
public final class CrashingAppender {

    static final int SUBJECTS = 5;
    private static final int THREADS = 4;
    private static final int IN_FLIGHT_PER_THREAD = 64;

    private CrashingAppender() {
    }

    public static void main(String[] args) {
        FileStoreConfig defaults = FileStoreConfig.defaults(Path.of(args[0]));
        FileStoreConfig config = new FileStoreConfig(defaults.dataDir(), FlushPolicy.valueOf(args[1]), Duration.ofMillis(50),
                64 * 1024, defaults.ringSize(), Duration.ofMillis(100), 4, defaults.pullSegmentBytes());
        PrintStream out = new PrintStream(System.out, false);
        FileMessageLog log = FileMessageLog.open(config, Clock.systemUTC());
        for (int t = 0; t < THREADS; t++) {
            String prefix = args[2] + "-" + t + "-";
            new Thread(() -> appendForever(log, prefix, out), "appender-" + t).start();
        }
    }

    private static void appendForever(FileMessageLog log, String prefix, PrintStream out) {
        Random random = new Random(prefix.hashCode());
        Semaphore window = new Semaphore(IN_FLIGHT_PER_THREAD);
        for (long n = 0; ; n++) {
            List<Message> batch = new ArrayList<>();
            for (int i = random.nextInt(4) + 1; i > 0; i--) {
                Subject subject = subject(random.nextInt(SUBJECTS));
                byte[] encoded = new byte[random.nextInt(2000) + 1];
                random.nextBytes(encoded);
                batch.add(new Message(subject, MessageId.of(prefix + n + "-" + i), Tags.NONE, MessageFlags.of(false, false),
                        1L, 0, encoded));
            }
            window.acquireUninterruptibly();
            log.append(batch).whenComplete((stored, failure) -> {
                window.release();
                if (stored != null) {
                    report(out, stored);
                }
            });
        }
    }

    private static void report(PrintStream out, List<StoredMessage> stored) {
        StringBuilder lines = new StringBuilder();
        for (StoredMessage message : stored) {
            lines.append("ack ").append(message.message().subject().name()).append(' ').append(message.sequence())
                    .append(' ').append(message.message().id().value()).append('\n');
        }
        synchronized (out) {
            out.print(lines);
            out.flush();
        }
    }

    static Subject subject(int index) {
        return Subject.of("crash-subject-" + index);
    }
}
