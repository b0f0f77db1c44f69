package io.qmq.adapters.netty.handler;

import io.qmq.adapters.netty.codec.SendResponseBody;
import io.qmq.application.port.in.SendStatus;

/** The per-message result code the stock client expects for each way a send can end. */
final class SendStatusCodes {

    private SendStatusCodes() {
    }

    static int of(SendStatus status) {
        return switch (status) {
            case STORED -> SendResponseBody.STORED;
            case BUSY -> SendResponseBody.BUSY;
            case DUPLICATE -> SendResponseBody.DUPLICATE;
            case SUBJECT_REJECTED -> SendResponseBody.SUBJECT_NOT_ASSIGNED;
            case READ_ONLY -> SendResponseBody.READ_ONLY;
            case BLOCKED -> SendResponseBody.BLOCKED;
            case STORE_ERROR -> SendResponseBody.STORE_ERROR;
        };
    }
}
