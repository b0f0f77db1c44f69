package io.qmq.adapters.netty.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakReportsFail.class)
class BrokerRegisterBodyTest {

    /** HEARTBEAT from group "a" at 10.0.0.1:20881, master, read-write. */
    private static final String HEARTBEAT_HEX = "00000001" + "0001" + "61" + "000e" + "31302e302e302e313a3230383831"
            + "00000000" + "00000001";

    private final ByteBuf body = Unpooled.buffer();

    @AfterEach
    void release() {
        body.release();
    }

    @Test
    void requestIsWrittenByteForByte() {
        new BrokerRegisterRequestBody(BrokerRegisterRequestBody.HEARTBEAT, "a", "10.0.0.1:20881",
                BrokerRegisterRequestBody.ROLE_MASTER, 1).encode(body);

        assertThat(ByteBufUtil.hexDump(body)).isEqualTo(HEARTBEAT_HEX);
    }

    @Test
    void requestIsReadFromItsBytes() {
        body.writeBytes(ByteBufUtil.decodeHexDump(HEARTBEAT_HEX));

        assertThat(BrokerRegisterRequestBody.decode(body)).isEqualTo(new BrokerRegisterRequestBody(1, "a", "10.0.0.1:20881", 0, 1));
        assertThat(body.isReadable()).isFalse();
    }

    @Test
    void truncatedRequestNamesTheMissingField() {
        body.writeBytes(ByteBufUtil.decodeHexDump(HEARTBEAT_HEX.substring(0, HEARTBEAT_HEX.length() - 4)));

        assertThatThrownBy(() -> BrokerRegisterRequestBody.decode(body))
                .isInstanceOf(MalformedBodyException.class).hasMessageContaining("state");
    }

    @Test
    void responseIsOneStateByte() {
        new BrokerRegisterResponseBody(2).encode(body);

        assertThat(ByteBufUtil.hexDump(body)).isEqualTo("02");
        assertThat(BrokerRegisterResponseBody.decode(body)).isEqualTo(new BrokerRegisterResponseBody(2));
    }

    @Test
    void rolesSplitIntoMastersAndDelayGroups() {
        assertThat(new BrokerRegisterRequestBody(0, "a", "h:1", 0, 1).isMaster()).isTrue();
        assertThat(new BrokerRegisterRequestBody(0, "a", "h:1", 1, 1).isMaster()).isFalse();
        assertThat(new BrokerRegisterRequestBody(0, "a", "h:1", 5, 1).isDelayRole()).isTrue();
        assertThat(new BrokerRegisterRequestBody(0, "a", "h:1", 4, 1).isDelayRole()).isFalse();
        assertThat(new BrokerRegisterRequestBody(0, "a", "h:1", 3, 1).isDelayRole()).isTrue();
    }
}
