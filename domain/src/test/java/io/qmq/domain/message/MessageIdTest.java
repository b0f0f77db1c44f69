package io.qmq.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageIdTest {

    @Test
    void keepsTheProducersId() {
        MessageId id = MessageId.of("230101.120000.10.0.0.1.1234.0");

        assertThat(id.value()).isEqualTo("230101.120000.10.0.0.1.1234.0");
        assertThat(id).hasToString("230101.120000.10.0.0.1.1234.0").isEqualTo(new MessageId(id.value()));
    }

    @Test
    void acceptsOneToOneHundredCharacters() {
        assertThat(MessageId.of("x").value()).hasSize(1);
        assertThat(MessageId.of("x".repeat(MessageId.MAX_LENGTH)).value()).hasSize(100);
    }

    @Test
    void refusesEmptyOrTooLongIds() {
        assertThatThrownBy(() -> MessageId.of("")).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> MessageId.of("x".repeat(MessageId.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("1 to 100");
        assertThatNullPointerException().isThrownBy(() -> MessageId.of(null));
    }
}
