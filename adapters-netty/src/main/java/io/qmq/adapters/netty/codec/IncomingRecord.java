package io.qmq.adapters.netty.codec;

import io.qmq.domain.message.Message;

/** One record of a SEND body as the broker sees it: a message to store, or one refused on its own. */
public sealed interface IncomingRecord {

    /** The id as it appeared in the record, for the per-message answer. */
    String messageId();

    record Accepted(Message message) implements IncomingRecord {
        @Override
        public String messageId() {
            return message.id().value();
        }
    }

    record Refused(String messageId, Refusal refusal, String remark) implements IncomingRecord {
    }

    /** Why a well-framed record is not stored. */
    enum Refusal {
        /** The crc does not match the record's bytes. */
        CORRUPT,
        /** The subject is not one the broker files messages under. */
        INVALID_SUBJECT,
        /** The id, tags or another field breaks a rule of the domain. */
        INVALID_MESSAGE
    }
}
