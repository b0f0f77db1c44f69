package io.qmq.acceptance.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadyLineTest {

    @Test
    void readsTheAddressesFromTheLineANodePrintsWhenReady() {
        String line = "qmq node ready meta=http://127.0.0.1:8080/meta/address broker=127.0.0.1:20881 metrics=9090";

        assertThat(ReadyLine.parse(line)).contains(new ReadyLine("http://127.0.0.1:8080/meta/address", "127.0.0.1:20881", 9090));
    }

    @Test
    void passesOverEveryOtherLine() {
        assertThat(ReadyLine.parse("06:17:25.036 INFO  [main] io.qmq.bootstrap.NodeCommand - qmq node ready meta=x"))
                .isEmpty();
        assertThat(ReadyLine.parse("qmq node ready meta=http://h/meta/address broker=h:1")).isEmpty();
    }
}
