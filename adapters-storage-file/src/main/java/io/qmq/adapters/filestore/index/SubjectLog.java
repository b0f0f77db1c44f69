package io.qmq.adapters.filestore.index;

import io.qmq.domain.message.Subject;
import java.nio.charset.StandardCharsets;

/**
 * What the store keeps in memory per subject: a few numbers, so that memory grows by tens of bytes per
 * subject, never by a mapped file.
 *
 * <p>Thread ownership: {@code nextSequence} and {@code lastPosition} belong to the writer thread (and to
 * recovery before it starts); {@code readableEnd} is published by the writer once a batch is stored
 * and read by any thread. {@code firstSequence} is moved forward by the retention thread and read by any.
 */
public final class SubjectLog {

    private final Subject subject;
    private final byte[] name;
    private final String fileName;
    private long nextSequence;
    private long lastPosition = -1;
    private volatile long readableEnd;
    private volatile long firstSequence;

    SubjectLog(Subject subject, String fileName) {
        this.subject = subject;
        this.name = subject.name().getBytes(StandardCharsets.UTF_8);
        this.fileName = fileName;
    }

    public Subject subject() {
        return subject;
    }

    /** The subject name as it is written into records. */
    public byte[] name() {
        return name;
    }

    String fileName() {
        return fileName;
    }

    /** Takes the next sequence; writer thread only. */
    public long takeSequence(long position) {
        lastPosition = position;
        return nextSequence++;
    }

    public long nextSequence() {
        return nextSequence;
    }

    /** The position of the subject's last record in the message log, -1 for none. */
    public long lastPosition() {
        return lastPosition;
    }

    /** Sets where the subject stands, from a checkpoint, a replayed record or a cut; writer side only. */
    public void restore(long nextSequence, long lastPosition) {
        this.nextSequence = nextSequence;
        this.lastPosition = lastPosition;
    }

    /** Makes every sequence below {@code nextSequence} readable. */
    public void publish() {
        readableEnd = nextSequence;
    }

    public long readableEnd() {
        return readableEnd;
    }

    /**
     * The oldest sequence still retained: every entry below it points into deleted message segments.
     * Moved only forward, by retention (and at open from the chunks left on disk).
     */
    public long firstSequence() {
        return firstSequence;
    }

    /** Moves the first retained sequence forward to {@code sequence}; never backward. */
    public synchronized void advanceFirst(long sequence) {
        if (sequence > firstSequence) {
            firstSequence = sequence;
        }
    }
}
