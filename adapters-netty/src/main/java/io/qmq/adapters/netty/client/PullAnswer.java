package io.qmq.adapters.netty.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.MessageRecord;
import io.qmq.adapters.netty.codec.PullFilter;
import io.qmq.adapters.netty.codec.PullRequestBody;
import io.qmq.adapters.netty.codec.PullResponseBody;
import io.qmq.adapters.netty.codec.ResponseCode;
import java.util.List;

/**
 * A broker's answer to PULL_MESSAGE, decoded out of the frame (§5.4): code 0 with records, or another
 * code and nothing. Also builds the request, since both sides of one pull belong together.
 */
record PullAnswer(int code, long firstPullOffset, List<MessageRecord> records) {

    /** The offset field of a pull request; the 1.1.43 client always sends -1. */
    private static final long UNUSED_OFFSET = -1;

    static PullAnswer read(Frame frame) {
        int code = frame.header().code();
        if (code != ResponseCode.SUCCESS || !frame.body().isReadable()) {
            return new PullAnswer(code, -1, List.of());
        }
        PullResponseBody body = PullResponseBody.decode(frame.body());
        return new PullAnswer(code, body.firstPullOffset(), body.records());
    }

    boolean isRejected() {
        return code == ResponseCode.BROKER_REJECT;
    }

    /** The request body for a stream; listener consumers always send a tag filter, pull consumers none. */
    static ByteBuf request(StreamAddress stream, ConsumerSettings settings, AckTracker tracker, int requestNum,
                           long longPollMillis, List<PullFilter> filters) {
        ByteBuf body = Unpooled.buffer();
        new PullRequestBody(stream.pulledSubject().name(), settings.group(), settings.consumerId(), requestNum,
                UNUSED_OFFSET, tracker.pullOffsetBegin(), tracker.pullOffsetLast(), longPollMillis,
                settings.broadcast(), filters).encode(body);
        return body;
    }

    static List<PullFilter> tagFilter(ConsumerSettings settings) {
        var filter = settings.tagFilter();
        int tagType = filter.isActive() ? filter.match().code() : 0;
        return List.of(new PullFilter.ByTags(tagType, filter.isActive() ? List.copyOf(filter.tags()) : List.of()));
    }
}
