package io.qmq.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every {@link ReadOnlyGroupStore} must do; each test uses fresh group names. */
public abstract class ReadOnlyGroupStoreContract {

    private final String group = "group-" + UUID.randomUUID();

    /** A store over this test's storage; every instance, and those opened after {@link #closeAll()}, see the same data. */
    protected abstract ReadOnlyGroupStore open();

    protected void closeAll() {
    }

    @AfterEach
    void releaseStores() {
        closeAll();
    }

    @Test
    void aGroupIsWritableUntilMarked() {
        assertThat(open().readOnlyGroups()).doesNotContain(group);
    }

    @Test
    void aMarkHoldsForEveryMetaServerAndAfterARestart() {
        open().setReadOnly(group, true);

        assertThat(open().readOnlyGroups()).contains(group);
        closeAll();
        assertThat(open().readOnlyGroups()).contains(group);
    }

    @Test
    void markingTwiceChangesNothingAndUnmarkingMakesTheGroupWritable() {
        ReadOnlyGroupStore store = open();
        store.setReadOnly(group, true);
        store.setReadOnly(group, true);
        store.setReadOnly(group + "-other", true);

        store.setReadOnly(group, false);

        assertThat(open().readOnlyGroups()).doesNotContain(group).contains(group + "-other");
        store.setReadOnly(group, false);
        assertThat(open().readOnlyGroups()).doesNotContain(group);
    }
}
