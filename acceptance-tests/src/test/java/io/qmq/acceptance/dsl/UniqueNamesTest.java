package io.qmq.acceptance.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    @Test
    void aShortNameMapsToOneUniqueNamePerScenario() {
        UniqueNames names = new UniqueNames();

        assertThat(names.subject("orders")).startsWith("orders-").isEqualTo(names.subject("orders"));
        assertThat(new UniqueNames().subject("orders")).isNotEqualTo(names.subject("orders"));
    }

    @Test
    void theDeadLetterSubjectNamesTheUniqueSubjectAndGroup() {
        UniqueNames names = new UniqueNames();

        assertThat(names.deadLetterSubject("orders", "billing"))
                .isEqualTo("%DEAD_RETRY%" + names.subject("orders") + "%" + names.group("billing"));
    }
}
