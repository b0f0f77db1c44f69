package io.qmq.adapters.netty.codec;

/**
 * The fixed part of every QMQ frame after its length and header-size fields.
 *
 * <pre>
 * offset (in frame)  field        type
 *  6                 magic        i32  0xDEC10ADE
 * 10                 code         i16  command code (request) or response code (response)
 * 12                 version      i16  protocol version; the 1.1.43 client sends 9
 * 14                 opaque       i32  request id, echoed by the response
 * 18                 flag         i32  bit 0 response, bit 1 one-way
 * 22                 requestCode  i16  the request's command code
 * </pre>
 *
 * The 16-bit fields are held as ints and written as their low 16 bits.
 */
public record FrameHeader(int code, int version, int opaque, int flag, int requestCode) {

    public static final int MAGIC = 0xDEC10ADE;
    public static final int FLAG_RESPONSE = 1;
    public static final int FLAG_ONE_WAY = 1 << 1;
    /** The version the 1.1.43 client sends and this implementation writes. */
    public static final int CURRENT_VERSION = 9;

    /** A request header as the 1.1.43 client builds it: requestCode repeats the code. */
    public static FrameHeader request(int code, int version, int opaque) {
        return new FrameHeader(code, version, opaque, 0, code);
    }

    /** The header answering this request: same opaque and version, response flag, request's code. */
    public FrameHeader responseWith(int responseCode) {
        return new FrameHeader(responseCode, version, opaque, FLAG_RESPONSE, code);
    }

    public boolean isResponse() {
        return (flag & FLAG_RESPONSE) != 0;
    }

    public boolean isOneWay() {
        return (flag & FLAG_ONE_WAY) != 0;
    }
}
