package io.qmq.adapters.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.qmq.adapters.netty.codec.ClientRegisterRequestBody;
import io.qmq.adapters.netty.codec.CommandCode;
import io.qmq.adapters.netty.codec.FrameHeader;
import io.qmq.adapters.netty.codec.LeakReportsFail;
import io.qmq.adapters.netty.codec.MetaInfoResponseBody;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.application.port.in.RouteAnswer;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real meta server on loopback: HTTP discovery and CLIENT_REGISTER over TCP. */
@ExtendWith(LeakReportsFail.class)
class MetaServerTest {

    private static final BrokerGroup GROUP =
            new BrokerGroup("broker-0", BrokerGroupKind.REALTIME, "127.0.0.1:20881", BrokerState.READ_ONLY, 5L);

    private final MetaServer server = new MetaServer(new MetaServerConfig("127.0.0.1", 0, 0, "127.0.0.1"),
            command -> new RouteAnswer(7L, false, List.of(GROUP)), group -> group.state(), Clock.systemUTC()).start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void discoveryAnswersTheTcpAddressAsPlainText() throws IOException {
        HttpURLConnection http = open("/meta/address");

        assertThat(http.getResponseCode()).isEqualTo(200);
        try (InputStream body = http.getInputStream()) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("127.0.0.1:" + server.port());
        }
    }

    @Test
    void otherPathsAreNotFound() throws IOException {
        assertThat(open("/meta/other").getResponseCode()).isEqualTo(404);
    }

    @Test
    void registrationIsAnsweredWithTheRoute() throws IOException {
        ClientRegisterRequestBody request = new ClientRegisterRequestBody(Map.of("subject", "orders",
                "clientTypeCode", "2", "consumerGroup", "billing", "clientId", "c1", "requestType", "2"));
        try (WireSocket client = new WireSocket(server.port())) {
            client.send(FrameHeader.request(CommandCode.CLIENT_REGISTER, 9, 0), request::encode);

            WireSocket.Reply reply = client.read();
            assertThat(reply.header()).isEqualTo(new FrameHeader(ResponseCode.SUCCESS, 9, 0, 1, CommandCode.CLIENT_REGISTER));
            assertThat(MetaInfoResponseBody.decode(Unpooled.wrappedBuffer(reply.body()))).isEqualTo(
                    new MetaInfoResponseBody(7L, "orders", "billing", MetaInfoResponseBody.OFFLINE, 2,
                            List.of(new MetaInfoResponseBody.Group("broker-0", "127.0.0.1:20881", 5L, 2))));
        }
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection http = (HttpURLConnection) URI.create("http://127.0.0.1:" + server.discoveryPort() + path)
                .toURL().openConnection();
        http.setConnectTimeout(1000);
        http.setReadTimeout(2000);
        return http;
    }
}
