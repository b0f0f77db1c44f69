package io.qmq.adapters.netty.client;

import io.qmq.adapters.netty.codec.Frame;
import io.qmq.adapters.netty.codec.ResponseCode;
import io.qmq.adapters.netty.codec.SendResponseBody;
import java.util.HashMap;
import java.util.Map;

/**
 * A broker's answer to SEND_MESSAGE, copied out of the frame: the header code and, for code 0, the
 * per-message failures by id (a message that is not listed was stored).
 */
record SendAnswer(int code, Map<String, SendResponseBody.Failure> failures) {

    static SendAnswer read(Frame frame) {
        int code = frame.header().code();
        if (code != ResponseCode.SUCCESS) {
            return new SendAnswer(code, Map.of());
        }
        Map<String, SendResponseBody.Failure> failures = new HashMap<>();
        for (SendResponseBody.Failure failure : SendResponseBody.decode(frame.body()).failures()) {
            failures.put(failure.messageId(), failure);
        }
        return new SendAnswer(code, failures);
    }

    SendVerdict verdictFor(String messageId) {
        SendResponseBody.Failure failure = failures.get(messageId);
        return failure == null ? SendVerdict.STORED : SendVerdict.ofMessageCode(failure.code(), failure.remark());
    }

    String reasonFor(String messageId) {
        SendResponseBody.Failure failure = failures.get(messageId);
        return failure == null ? "stored" : "code " + failure.code() + " '" + failure.remark() + "'";
    }
}
