package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills a process that is appending (SIGKILL, no close, no final checkpoint), three times over the same
 * directory: every append that completed is there after recovery, at the sequence it was given, and
 * each subject's sequences stay dense from 0.
 */
class MessageLogCrashTest {

    private static final int ACKS_BEFORE_KILL = 1500;
    private static final long RUN_TIMEOUT_MILLIS = 30_000;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(FlushPolicy.class)
    void everyCompletedAppendSurvivesAKill(FlushPolicy policy) throws IOException, InterruptedException {
        Map<String, Acked> acked = new HashMap<>();
        for (int run = 0; run < 3; run++) {
            for (Acked ack : runAndKill(policy, "run" + run)) {
                acked.put(ack.id(), ack);
            }
        }

        try (FileMessageLog log = FileMessageLog.open(FileStoreConfig.defaults(dataDir).withSegmentBytes(64 * 1024), Clock.systemUTC())) {
            Map<String, StoredMessage> stored = new HashMap<>();
            for (int s = 0; s < CrashingAppender.SUBJECTS; s++) {
                Subject subject = CrashingAppender.subject(s);
                List<StoredMessage> all = readAll(log, subject);
                assertThat(all).extracting(StoredMessage::sequence).containsExactlyElementsOf(
                        java.util.stream.LongStream.range(0, log.endSequence(subject)).boxed().toList());
                all.forEach(m -> stored.put(m.message().id().value(), m));
            }
            assertThat(acked).hasSizeGreaterThanOrEqualTo(3 * ACKS_BEFORE_KILL);
            acked.values().forEach(ack -> {
                assertThat(stored).containsKey(ack.id());
                assertThat(stored.get(ack.id()).sequence()).isEqualTo(ack.sequence());
                assertThat(stored.get(ack.id()).message().subject().name()).isEqualTo(ack.subject());
            });
        }
    }

    private record Acked(String subject, long sequence, String id) {
    }

    private List<Acked> runAndKill(FlushPolicy policy, String label) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(javaCommand(policy, label)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Acked> acks = new ArrayList<>();
        long deadline = System.currentTimeMillis() + RUN_TIMEOUT_MILLIS;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acks.size() < ACKS_BEFORE_KILL && System.currentTimeMillis() < deadline && (line = lines.readLine()) != null) {
                parse(line, acks);
            }
            // killing closes our end of the pipe: acknowledgements printed after the last line read are
            // not checked, which only makes the check smaller, never wrong
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        return acks;
    }

    private static void parse(String line, List<Acked> acks) {
        String[] parts = line.split(" ");
        if (parts.length == 4 && parts[0].equals("ack") && !parts[3].isEmpty()) {
            try {
                acks.add(new Acked(parts[1], Long.parseLong(parts[2]), parts[3]));
            } catch (NumberFormatException e) {
                // the last line may be cut by the kill; a cut line was never a whole acknowledgement
            }
        }
    }

    private List<String> javaCommand(FlushPolicy policy, String label) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                CrashingAppender.class.getName(), dataDir.toString(), policy.name(), label);
    }

    private static List<StoredMessage> readAll(FileMessageLog log, Subject subject) {
        List<StoredMessage> all = new ArrayList<>();
        while (true) {
            List<StoredMessage> page = log.read(subject, all.size(), 1000, Integer.MAX_VALUE);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
        }
    }
}
