package io.qmq.adapters.filestore.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heap use must not grow with the number of messages pending far ahead: a 512 MB JVM fills a store
 * with up to ten million small messages due in 18 months, reopens it and loads a near window.
 * Runs in {@code mvn verify}; skip it in quick runs with {@code -DexcludedGroups=memory}.
 */
@Tag("memory")
class ScheduleStoreMemoryTest {

    private static final long TARGET = 10_000_000;
    private static final long WRITE_BUDGET_SECONDS = 60;
    /** Whatever the machine's speed, this many show that heap does not track pending messages. */
    private static final long AT_LEAST = 2_000_000;

    @TempDir
    Path dir;

    @Test
    void millionsOfFarMessagesFitInASmallHeapAndANearWindowLoads() throws Exception {
        ForkedJvm jvm = ForkedJvm.start(ScheduleMemoryProbe.class, "512m", dir.resolve("probe.out"),
                dir.resolve("store").toString(), Long.toString(TARGET), Long.toString(WRITE_BUDGET_SECONDS));

        int exit = jvm.await(Duration.ofSeconds(WRITE_BUDGET_SECONDS + 30));

        String output = jvm.outputText();
        assertThat(exit).as(output).isZero();
        Map<String, String> results = output.lines().filter(l -> l.matches("\\w+=\\d+"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
        long written = Long.parseLong(results.get("written"));
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, "memory probe: " + results);
        assertThat(written).as(output).isGreaterThanOrEqualTo(AT_LEAST);
        assertThat(results).containsEntry("near", Integer.toString(ScheduleMemoryProbe.NEAR_MESSAGES))
                .containsEntry("nearReadable", Integer.toString(ScheduleMemoryProbe.NEAR_MESSAGES))
                .containsEntry("farCount", Long.toString(written))
                .containsEntry("withId", "1");
        assertThat(Long.parseLong(results.get("heapUsedAfterReopen"))).isLessThan(64L * 1024 * 1024);
    }
}
