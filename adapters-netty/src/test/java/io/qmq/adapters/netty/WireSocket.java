package io.qmq.adapters.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.qmq.adapters.netty.codec.FrameEncoder;
import io.qmq.adapters.netty.codec.FrameHeader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.function.Consumer;

/** A plain blocking socket that speaks raw QMQ frames, independent of any Netty client code. */
final class WireSocket implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 5_000;
    private static final int HEADER_BYTES = 20;

    record Reply(FrameHeader header, byte[] body) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    WireSocket(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(FrameHeader header, Consumer<ByteBuf> body) throws IOException {
        ByteBuf content = Unpooled.buffer();
        body.accept(content);
        ByteBuf frame = Unpooled.buffer();
        FrameEncoder.writePrefix(frame, header, content.readableBytes());
        frame.writeBytes(content);
        send(ByteBufUtil.getBytes(frame));
        frame.release();
        content.release();
    }

    /** Reads one whole frame; fails if none arrives within the read timeout. */
    Reply read() throws IOException {
        int total = in.readInt();
        short headerSize = in.readShort();
        int magic = in.readInt();
        if (headerSize != 18 || magic != FrameHeader.MAGIC) {
            throw new IOException("bad frame from server: header size " + headerSize + ", magic " + magic);
        }
        FrameHeader header = new FrameHeader(in.readShort(), in.readShort(), in.readInt(), in.readInt(), in.readShort());
        byte[] body = new byte[total - HEADER_BYTES];
        in.readFully(body);
        return new Reply(header, body);
    }

    /** Whether the server closes the connection (rather than sending anything) within {@code time}. */
    boolean closedByServerWithin(java.time.Duration time) throws IOException {
        socket.setSoTimeout((int) time.toMillis());
        try {
            return in.read() < 0;
        } catch (EOFException | SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
