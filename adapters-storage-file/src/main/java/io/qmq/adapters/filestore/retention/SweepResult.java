package io.qmq.adapters.filestore.retention;

/**
 * What one retention sweep did.
 *
 * @param segmentsDeleted message-log segments deleted
 * @param bytesDeleted    bytes those segments held
 * @param indexFilesDeleted consume-log chunk files deleted
 * @param bytesOnDisk     bytes the message log's segments hold after the sweep
 */
public record SweepResult(int segmentsDeleted, long bytesDeleted, int indexFilesDeleted, long bytesOnDisk) {
}
