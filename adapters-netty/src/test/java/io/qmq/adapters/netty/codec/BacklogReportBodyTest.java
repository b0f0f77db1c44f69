package io.qmq.adapters.netty.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakReportsFail.class)
class BacklogReportBodyTest {

    /** Group "a", complete, one entry: subject "s", consumer group "g", 5 undelivered, 2 unacknowledged. */
    private static final String REPORT_HEX = "0001" + "61" + "01" + "00000001" + "0001" + "73" + "0001" + "67"
            + "0000000000000005" + "0000000000000002";

    private final ByteBuf body = Unpooled.buffer();

    @AfterEach
    void release() {
        body.release();
    }

    @Test
    void isWrittenByteForByteAndReadBack() {
        BacklogReportRequestBody report = new BacklogReportRequestBody("a", true,
                List.of(new BacklogReportRequestBody.Entry("s", "g", 5, 2)));

        report.encode(body);

        assertThat(ByteBufUtil.hexDump(body)).isEqualTo(REPORT_HEX);
        assertThat(BacklogReportRequestBody.decode(body)).isEqualTo(report);
        assertThat(body.isReadable()).isFalse();
    }

    @Test
    void leavesOutEmptyBacklogsAndListsTheLargestFirst() {
        BacklogReportRequestBody report = BacklogReportRequestBody.of("a", List.of(entry("small", 1, 0), entry("none", 0, 0),
                entry("large", 3, 4)));

        assertThat(report.complete()).isTrue();
        assertThat(report.entries()).extracting(BacklogReportRequestBody.Entry::subject).containsExactly("large", "small");
    }

    @Test
    void leavesOutTheSmallestBacklogsBeyondTheSizeLimitAndSaysSo() {
        List<BacklogReportRequestBody.Entry> many = new ArrayList<>();
        for (int i = 1; i <= 5_000; i++) {
            many.add(new BacklogReportRequestBody.Entry("subject-" + "x".repeat(200) + i, "group-" + "y".repeat(200), i, 0));
        }

        BacklogReportRequestBody report = BacklogReportRequestBody.of("a", many);
        report.encode(body);

        assertThat(report.complete()).isFalse();
        assertThat(body.readableBytes()).isLessThanOrEqualTo(BacklogReportRequestBody.MAX_BYTES);
        assertThat(report.entries()).first().extracting(BacklogReportRequestBody.Entry::undelivered).isEqualTo(5_000L);
        assertThat(report.entries()).last().extracting(BacklogReportRequestBody.Entry::undelivered)
                .isEqualTo(5_000L - report.entries().size() + 1);
    }

    @Test
    void aTruncatedReportNamesTheMissingField() {
        body.writeBytes(ByteBufUtil.decodeHexDump(REPORT_HEX.substring(0, REPORT_HEX.length() - 4)));

        assertThatThrownBy(() -> BacklogReportRequestBody.decode(body))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("unacknowledged");
    }

    private static BacklogReportRequestBody.Entry entry(String subject, long undelivered, long unacknowledged) {
        return new BacklogReportRequestBody.Entry(subject, "g", undelivered, unacknowledged);
    }
}
