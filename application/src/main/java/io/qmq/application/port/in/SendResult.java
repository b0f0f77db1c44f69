package io.qmq.application.port.in;

import io.qmq.domain.message.MessageId;
import java.util.Objects;

/** The fate of one message of a send. */
public record SendResult(MessageId id, SendStatus status, String remark) {

    public SendResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        remark = remark == null ? "" : remark;
    }

    public static SendResult stored(MessageId id) {
        return new SendResult(id, SendStatus.STORED, "");
    }

    public boolean isStored() {
        return status == SendStatus.STORED || status == SendStatus.DUPLICATE;
    }
}
