package io.qmq.adapters.netty.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.qmq.adapters.netty.codec.AckRequestBody;
import io.qmq.adapters.netty.codec.BodyReader;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.FrameDecoder;
import io.qmq.adapters.netty.codec.FrameEncoder;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.IncomingRecord;
import io.qmq.adapters.netty.codec.MessageRecord;
import io.qmq.adapters.netty.codec.PullRequestBody;
import io.qmq.adapters.netty.codec.PullResponseBody;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.adapters.netty.codec.SendRequestBody;
import io.qmq.adapters.netty.codec.SendResponseBody;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker for loopback tests, in memory: stores sent records per subject, serves pulls with
 * per-consumer pull offsets from 0 (long-polling by re-checking), records acks. Failures can be
 * queued: per-message codes for the next sent records, or header code 52 for the next sends.
 */
@ChannelHandler.Sharable
final class FakeBroker extends SimpleChannelInboundHandler<Frame> implements AutoCloseable {

    private static final long RECHECK_MILLIS = 20;

    private final EventLoopGroup loop = new NioEventLoopGroup(1);
    private final Channel server;
    private final Map<String, List<byte[]>> stored = new ConcurrentHashMap<>();
    private final Map<String, int[]> cursors = new ConcurrentHashMap<>();
    private final List<String> sentIds = new CopyOnWriteArrayList<>();
    private final List<AckRequestBody> acks = new CopyOnWriteArrayList<>();
    private final List<PullRequestBody> pulls = new CopyOnWriteArrayList<>();
    private final Deque<Integer> nextMessageCodes = new ConcurrentLinkedDeque<>();
    private final AtomicInteger rejectSends = new AtomicInteger();

    FakeBroker() throws InterruptedException {
        FakeBroker handler = this;
        server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(1 << 24), new FrameEncoder(), handler);
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    String address() {
        return "127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The next sent records get these per-message codes, one each, in order. */
    void failNextMessages(int... codes) {
        for (int code : codes) {
            nextMessageCodes.add(code);
        }
    }

    void rejectNextSends(int count) {
        rejectSends.set(count);
    }

    List<MessageRecord> messages(String subject) {
        List<MessageRecord> records = new ArrayList<>();
        for (byte[] bytes : stored.getOrDefault(subject, List.of())) {
            records.add(MessageRecord.decode(new BodyReader(Unpooled.wrappedBuffer(bytes), "stored")));
        }
        return records;
    }

    /** Stores a record as if a producer had sent it. */
    void put(MessageRecord record) {
        ByteBuf buf = Unpooled.buffer();
        record.encode(buf);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        stored.computeIfAbsent(record.subject(), s -> new CopyOnWriteArrayList<>()).add(bytes);
    }

    List<String> sentIds() {
        return sentIds;
    }

    List<AckRequestBody> acks() {
        return acks;
    }

    List<PullRequestBody> pulls() {
        return pulls;
    }

    /** How many messages of (subject, group) were handed out. */
    int served(String subject, String group) {
        return cursors.entrySet().stream().filter(e -> e.getKey().startsWith(subject + "|" + group + "|"))
                .mapToInt(e -> e.getValue()[0]).sum();
    }

    /** Highest acked pull offset of (subject, group), -1 if none. */
    long ackedUpTo(String subject, String group) {
        return acks.stream().filter(a -> a.subject().equals(subject) && a.group().equals(group) && !a.isHeartbeat())
                .mapToLong(AckRequestBody::pullOffsetLast).max().orElse(-1);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
        switch (frame.header().code()) {
            case CommandCode.SEND_MESSAGE -> onSend(ctx, frame);
            case CommandCode.PULL_MESSAGE -> {
                PullRequestBody pull = PullRequestBody.decode(frame.body(), frame.header().version());
                pulls.add(pull);
                long deadline = System.currentTimeMillis() + Math.max(0, pull.timeoutMillis());
                servePull(ctx, frame.header(), pull, deadline);
            }
            case CommandCode.ACK_REQUEST -> {
                acks.add(AckRequestBody.decode(frame.body(), frame.header().version()));
                ctx.writeAndFlush(Frame.emptyResponse(frame.header(), ResponseCode.SUCCESS));
            }
            default -> ctx.writeAndFlush(Frame.emptyResponse(frame.header(), ResponseCode.UNKNOWN_CODE));
        }
    }

    private void onSend(ChannelHandlerContext ctx, Frame frame) {
        List<IncomingRecord> records = SendRequestBody.decode(frame.body());
        records.forEach(r -> sentIds.add(r.messageId()));
        if (rejectSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            ctx.writeAndFlush(Frame.emptyResponse(frame.header(), ResponseCode.BROKER_REJECT));
            return;
        }
        List<SendResponseBody.Failure> failures = new ArrayList<>();
        for (IncomingRecord record : records) {
            Integer code = nextMessageCodes.poll();
            if (code != null && code != SendResponseBody.STORED) {
                failures.add(new SendResponseBody.Failure(record.messageId(), code, "injected"));
            } else if (record instanceof IncomingRecord.Accepted accepted) {
                stored.computeIfAbsent(accepted.message().subject().name(), s -> new CopyOnWriteArrayList<>())
                        .add(accepted.message().encoded());
            }
        }
        ByteBuf body = ctx.alloc().buffer();
        new SendResponseBody(failures).encode(body);
        ctx.writeAndFlush(Frame.response(frame.header(), ResponseCode.SUCCESS, body));
    }

    /** Serves from the consumer's cursor; with nothing to serve, looks again until the long-poll ends. */
    private void servePull(ChannelHandlerContext ctx, FrameHeader request, PullRequestBody pull, long deadline) {
        String key = pull.subject() + "|" + pull.group() + "|" + pull.consumerId();
        int[] cursor = cursors.computeIfAbsent(key, k -> new int[2]); // [next index, next pull offset]
        // never reuse an offset the client holds, e.g. after it moved here from another master
        cursor[1] = (int) Math.max(cursor[1], pull.pullOffsetLast() + 1);
        List<byte[]> subject = stored.getOrDefault(pull.subject(), List.of());
        int available = Math.min(pull.requestNum(), subject.size() - cursor[0]);
        if (available > 0) {
            List<byte[]> batch = new ArrayList<>(subject.subList(cursor[0], cursor[0] + available));
            long first = cursor[1];
            cursor[0] += available;
            cursor[1] += available;
            ctx.writeAndFlush(Frame.response(request, ResponseCode.SUCCESS,
                    PullResponseBody.encode(ctx.alloc(), first, batch)));
        } else if (System.currentTimeMillis() >= deadline) {
            ctx.writeAndFlush(Frame.emptyResponse(request, ResponseCode.NO_MESSAGE));
        } else {
            ctx.executor().schedule(() -> servePull(ctx, request, pull, deadline), RECHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
