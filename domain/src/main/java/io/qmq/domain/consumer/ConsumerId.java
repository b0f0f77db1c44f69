package io.qmq.domain.consumer;

/** One consumer instance, as the client names itself (the stock client: {@code <host>@@<md5>}). */
public record ConsumerId(String value) {

    public static final int MAX_LENGTH = 255;

    public ConsumerId {
        ConsumerGroup.Names.check("consumer id", value, MAX_LENGTH);
    }

    public static ConsumerId of(String value) {
        return new ConsumerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
