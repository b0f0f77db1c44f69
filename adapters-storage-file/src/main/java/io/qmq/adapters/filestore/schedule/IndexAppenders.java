package io.qmq.adapters.filestore.schedule;

import io.qmq.adapters.filestore.FlushPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The writer's open index files, least recently used first, at most a fixed number at once whatever
 * the number of segments. A file closed to make room is forced first under the sync policy, since
 * the batch that wrote it may not have been forced yet.
 *
 * <p>Thread ownership: the writer thread.
 */
final class IndexAppenders implements AutoCloseable {

    private final int maxOpen;
    private final FlushPolicy flush;
    private final LinkedHashMap<ScheduleSegment, FileChannel> open = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashSet<ScheduleSegment> unforced = new LinkedHashSet<>();

    IndexAppenders(int maxOpen, FlushPolicy flush) {
        this.maxOpen = maxOpen;
        this.flush = flush;
    }

    /** The segment's index file, open for writing; marks it for the next {@link #force()}. */
    FileChannel channel(ScheduleSegment segment) throws IOException {
        FileChannel channel = open.get(segment);
        if (channel == null) {
            makeRoom();
            boolean created = segment.indexFile.toFile().length() == 0;
            channel = FileChannel.open(segment.indexFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (created && flush == FlushPolicy.SYNC) {
                Directories.force(segment.indexFile.getParent());
            }
            open.put(segment, channel);
        }
        unforced.add(segment);
        return channel;
    }

    /** Forces the files written since the last force (those closed since were forced then). */
    void force() throws IOException {
        for (ScheduleSegment segment : unforced) {
            FileChannel channel = open.get(segment);
            if (channel != null) {
                channel.force(false);
            }
        }
        unforced.clear();
    }

    private void makeRoom() throws IOException {
        Iterator<Map.Entry<ScheduleSegment, FileChannel>> eldest = open.entrySet().iterator();
        while (open.size() >= maxOpen && eldest.hasNext()) {
            Map.Entry<ScheduleSegment, FileChannel> entry = eldest.next();
            if (flush == FlushPolicy.SYNC) {
                entry.getValue().force(false);
            }
            entry.getValue().close();
            eldest.remove();
        }
    }

    @Override
    public void close() {
        for (FileChannel channel : open.values()) {
            try {
                channel.force(false);
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not close a schedule segment index", e);
            }
        }
        open.clear();
    }
}
