package io.qmq.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Message identity, re-filing under another subject, size limits and stored positions. */
class MessageTest {

    private static final Subject ORDERS = Subject.of("orders");

    private static Message message(Subject subject, byte[] encoded) {
        return new Message(subject, MessageId.of("m-1"), Tags.of("red"), MessageFlags.of(false, true), 1_000L, 0L, encoded);
    }

    @Test
    void equalWhenEveryFieldAndEveryByteIsEqual() {
        Message one = message(ORDERS, new byte[] {1, 2, 3});
        Message same = message(Subject.of("orders"), new byte[] {1, 2, 3});

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isNotEqualTo(message(ORDERS, new byte[] {1, 2, 4}));
        assertThat(one).isNotEqualTo(message(Subject.of("other"), new byte[] {1, 2, 3}));
        assertThat(one).isNotEqualTo(new Message(ORDERS, MessageId.of("m-1"), Tags.of("red"), MessageFlags.of(false, true),
                1_000L, 5_000L, new byte[] {1, 2, 3}));
        assertThat(one).isNotEqualTo(new Message(ORDERS, MessageId.of("m-1"), Tags.NONE, MessageFlags.of(false, true),
                1_000L, 0L, new byte[] {1, 2, 3}));
    }

    @Test
    void fileUnderChangesOnlyTheSubject() {
        Message original = new Message(ORDERS, MessageId.of("m-1"), Tags.of("red", "blue"), MessageFlags.of(true, true),
                1_000L, 9_000L, new byte[] {7, 8});
        Subject retry = ORDERS.retryFor("billing");

        Message copy = original.fileUnder(retry);

        assertThat(copy.subject()).isEqualTo(retry);
        assertThat(copy).usingRecursiveComparison().ignoringFields("subject").isEqualTo(original);
        assertThat(copy.encoded()).isEqualTo(original.encoded());
        assertThat(copy).isNotEqualTo(original);
        assertThat(copy.fileUnder(ORDERS)).isEqualTo(original);
    }

    @Test
    void sizeIsTheEncodedRecordAndScheduledMeansADueTime() {
        Message ordinary = message(ORDERS, new byte[42]);
        Message delayed = new Message(ORDERS, MessageId.of("m-2"), Tags.NONE, MessageFlags.of(true, false), 1L, 2L, new byte[1]);

        assertThat(ordinary.size()).isEqualTo(42);
        assertThat(ordinary.isScheduled()).isFalse();
        assertThat(delayed.isScheduled()).isTrue();
        assertThat(ordinary.toString()).contains("orders", "m-1", "42 bytes");
    }

    @Test
    void refusesAnEmptyRecordAndMissingParts() {
        assertThatThrownBy(() -> message(ORDERS, new byte[0])).isInstanceOf(InvalidMessageException.class).hasMessageContaining("m-1");
        assertThatNullPointerException().isThrownBy(() -> message(null, new byte[1]));
        assertThatNullPointerException().isThrownBy(() -> message(ORDERS, null));
        assertThatNullPointerException().isThrownBy(() ->
                new Message(ORDERS, MessageId.of("m"), null, MessageFlags.of(false, false), 0, 0, new byte[1]));
    }

    @Test
    void sizeLimitAcceptsUpToItsBound() {
        MessageSizeLimit limit = new MessageSizeLimit(10);

        limit.check(message(ORDERS, new byte[10]));
        assertThatThrownBy(() -> limit.check(message(ORDERS, new byte[11])))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("m-1")
                .hasMessageContaining("11 bytes");
    }

    @Test
    void sizeLimitMustBePositiveAndDefaultsToFourMebibytes() {
        assertThat(MessageSizeLimit.DEFAULT.maxBytes()).isEqualTo(4 * 1024 * 1024);
        assertThatThrownBy(() -> new MessageSizeLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageSizeLimit(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedMessageSequencesStartAtZero() {
        Message message = message(ORDERS, new byte[1]);

        assertThat(new StoredMessage(0, 5L, message).sequence()).isZero();
        assertThatThrownBy(() -> new StoredMessage(-1, 5L, message)).isInstanceOf(IllegalArgumentException.class);
        assertThatNullPointerException().isThrownBy(() -> new StoredMessage(0, 5L, null));
    }
}
