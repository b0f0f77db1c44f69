package io.qmq.adapters.filestore.schedule;

import io.qmq.adapters.filestore.FlushPolicy;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Appends to one segment's {@link SettleFile}, opening it on the first settlement. Under the sync
 * policy, callers that settle together share one force: each waits until a force that began after
 * its own append has finished, and a force covers every record appended before it began.
 *
 * <p>Lock order: {@code forcing}, then this object's monitor; the segment's monitor, then this one's.
 */
final class SettleAppender {

    private final Path file;
    private final FlushPolicy flush;
    private final Object forcing = new Object();
    private FileChannel channel;
    private long appended;
    private long forced;

    SettleAppender(Path file, FlushPolicy flush) {
        this.file = file;
        this.flush = flush;
    }

    synchronized void append(long scheduleId, int outcome) throws IOException {
        if (channel == null) {
            boolean created = !Files.exists(file);
            channel = SettleFile.openForAppend(file);
            if (created && flush == FlushPolicy.SYNC) {
                Directories.force(file.getParent());
            }
        }
        SettleFile.append(channel, scheduleId, outcome);
        appended++;
    }

    /** Under the sync policy, returns once every record appended so far is on disk. */
    void awaitDurable() throws IOException {
        if (flush != FlushPolicy.SYNC) {
            return;
        }
        long target;
        synchronized (this) {
            target = appended;
        }
        synchronized (forcing) {
            if (forced >= target) {
                return;
            }
            FileChannel toForce;
            long upTo;
            synchronized (this) {
                toForce = channel;
                upTo = appended;
            }
            try {
                if (toForce != null) {
                    toForce.force(false);
                }
            } catch (ClosedChannelException e) {
                return; // closed by the segment's deletion, which forced it first
            }
            forced = upTo;
        }
    }

    /** Closes the file, forcing it first under the sync policy. */
    synchronized void close() throws IOException {
        if (channel != null) {
            if (flush == FlushPolicy.SYNC) {
                channel.force(false);
            }
            channel.close();
            channel = null;
        }
    }
}
