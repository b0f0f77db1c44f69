package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qmq.application.port.out.ReplicaChunkException;
import io.qmq.domain.consumer.Consumer;
import io.qmq.domain.consumer.ConsumerGroup;
import io.qmq.domain.consumer.ConsumerId;
import io.qmq.domain.consumer.ConsumerProgress;
import io.qmq.domain.consumer.SequenceRange;
import io.qmq.domain.consumer.Subscription;
import io.qmq.domain.message.Subject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A slave's copy of its master's consumer progress is what its pull log starts from when it is promoted. */
class ProgressReplicaTest {

    @TempDir
    Path masterDir;
    @TempDir
    Path slaveDir;

    private final Subscription billing = new Subscription(Subject.of("subject-" + UUID.randomUUID()), ConsumerGroup.of("billing"));
    private final Consumer consumer = new Consumer(billing, ConsumerId.of("c1"));

    @Test
    void aPromotedSlavesPullLogStartsFromTheCopiedProgress() {
        byte[] copied;
        try (FilePullLog master = FilePullLog.open(FileStoreConfig.defaults(masterDir))) {
            master.openCursor(billing, 0);
            master.recordPull(consumer, 0, new long[] {0, 1, 2, 3}, 4);
            master.recordAck(consumer, SequenceRange.of(0, 1));
            copied = master.snapshotContent();
        }

        new FileStore(FileStoreConfig.defaults(slaveDir), Clock.systemUTC()).consumerProgressReplica().save(copied);

        try (FilePullLog promoted = FilePullLog.open(FileStoreConfig.defaults(slaveDir))) {
            assertThat(promoted.cursor(billing)).hasValue(4);
            assertThat(promoted.progress(consumer)).isEqualTo(progressOf(masterDir));
            assertThat(promoted.subjectSequences(consumer, SequenceRange.of(2, 3))).containsExactly(2, 3);
        }
    }

    @Test
    void progressThatDoesNotDecodeIsRefusedAndTheLastCopyKept() {
        FileConsumerProgressReplica replica = new FileConsumerProgressReplica(slaveDir.resolve("pulls"));
        byte[] good;
        try (FilePullLog master = FilePullLog.open(FileStoreConfig.defaults(masterDir))) {
            master.openCursor(billing, 7);
            good = master.snapshotContent();
        }
        replica.save(good);

        assertThatThrownBy(() -> replica.save(new byte[] {9, 9, 9})).isInstanceOf(ReplicaChunkException.class);
        try (FilePullLog promoted = FilePullLog.open(FileStoreConfig.defaults(slaveDir))) {
            assertThat(promoted.cursor(billing)).hasValue(7);
        }
    }

    @Test
    void aSlavesIdlePullLogNeverWritesItsOlderStateOverANewerCopy() {
        FileConsumerProgressReplica replica = new FileConsumerProgressReplica(slaveDir.resolve("pulls"));
        replica.save(progressWithCursor(5));
        try (FilePullLog slave = FilePullLog.open(FileStoreConfig.defaults(slaveDir))) {
            replica.save(progressWithCursor(9));
        }

        try (FilePullLog promoted = FilePullLog.open(FileStoreConfig.defaults(slaveDir))) {
            assertThat(promoted.cursor(billing)).hasValue(9);
        }
    }

    @Test
    void aPullLogWithActionsOfItsOwnKeepsThem() {
        try (FilePullLog own = FilePullLog.open(FileStoreConfig.defaults(slaveDir))) {
            own.openCursor(billing, 3);
        }
        byte[] other;
        try (FilePullLog master = FilePullLog.open(FileStoreConfig.defaults(masterDir))) {
            master.openCursor(billing, 50);
            other = master.snapshotContent();
        }

        new FileConsumerProgressReplica(slaveDir.resolve("pulls")).save(other);

        try (FilePullLog reopened = FilePullLog.open(FileStoreConfig.defaults(slaveDir))) {
            assertThat(reopened.cursor(billing)).hasValue(3);
        }
    }

    private byte[] progressWithCursor(long cursor) {
        Path dir = masterDir.resolve("cursor-" + cursor);
        try (FilePullLog master = FilePullLog.open(FileStoreConfig.defaults(dir))) {
            master.openCursor(billing, cursor);
            return master.snapshotContent();
        }
    }

    private ConsumerProgress progressOf(Path dataDir) {
        try (FilePullLog log = FilePullLog.open(FileStoreConfig.defaults(dataDir))) {
            return log.progress(consumer);
        }
    }
}
