package io.qmq.adapters.filestore.writer;

import io.qmq.adapters.filestore.index.IndexCheckpoint;
import io.qmq.adapters.filestore.index.SubjectLog;
import java.util.List;

/**
 * The writer's state between two batches, taken on the writer thread so that the log position and
 * every subject's sequence agree: the checkpoint to write and the index files written since the last
 * capture, which must be forced before it.
 */
public record CheckpointCapture(IndexCheckpoint checkpoint, List<SubjectLog> written) {
}
