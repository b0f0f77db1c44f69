package io.qmq.adapters.netty.codec;

import io.netty.buffer.ByteBuf;

/**
 * The body of a code-0 answer to BROKER_REGISTER (30). Stock meta servers answer an empty body; ours
 * adds the state the meta server wants the broker in, so an operator's read-only mark reaches the
 * broker itself with its next heartbeat.
 *
 * <pre>
 * state  i8  1 RW, 2 R, 3 W, 4 NRW
 * </pre>
 */
public record BrokerRegisterResponseBody(int state) {

    public static BrokerRegisterResponseBody decode(ByteBuf body) {
        return new BrokerRegisterResponseBody(new BodyReader(body, "broker register response").i8("state"));
    }

    public void encode(ByteBuf out) {
        out.writeByte(state);
    }
}
