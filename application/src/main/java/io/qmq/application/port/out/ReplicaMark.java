package io.qmq.application.port.out;

/**
 * Where a slave's copy of the message log stands, precise enough for the master to tell whether the
 * copy is a prefix of its own log: the end, and the start and checksum of the last record.
 *
 * @param end             the position the next copied byte goes to
 * @param lastRecordStart position of the copy's last record, -1 when the copy is empty
 * @param lastRecordCheck the checksum the last record carries in its frame (0 when empty)
 */
public record ReplicaMark(long end, long lastRecordStart, int lastRecordCheck) {

    public ReplicaMark {
        if (end < 0 || lastRecordStart >= end || lastRecordStart < -1) {
            throw new IllegalArgumentException("impossible replica mark: end " + end + ", last record at " + lastRecordStart);
        }
    }

    public static ReplicaMark empty() {
        return new ReplicaMark(0, -1, 0);
    }

    public boolean isEmpty() {
        return lastRecordStart < 0;
    }
}
