package io.qmq.adapters.filestore.schedule;

import io.qmq.domain.delay.InDoubtDispatch;
import io.qmq.domain.delay.ScheduleEntry;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file {@code dispatching}: which pending messages a forward began for, and when
 * ({@link DispatchFile} has the format). A record is written before each forward batch and reaches
 * the operating system before the forward begins, so it outlives a crash of the process. It is not
 * forced, to keep a disk flush off every forward; so a power loss of this host can lose it even though
 * the broker (usually another machine) stored and acknowledged the forward: such a message is not in
 * doubt after the restart and is forwarded a second time.
 *
 * <p>In memory it keeps the dispatches not yet settled (forwarded or cancelled): those in flight or in
 * doubt, a handful whatever the number of pending messages. The file is rewritten with just those
 * when the store opens and whenever it grows past {@value #REWRITE_BYTES} bytes: to
 * {@code dispatching.new}, forced, then moved over the old file and the directory forced, so a crash
 * or power loss mid-way leaves one whole file.
 *
 * <p>Thread-safe: the monitor guards the file and the map.
 */
final class DispatchJournal implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchJournal.class);
    static final String FILE = "dispatching";
    private static final String REWRITTEN = FILE + ".new";
    static final long REWRITE_BYTES = 8L << 20;

    private final Path dir;
    private final Map<Long, InDoubtDispatch> unsettled = new LinkedHashMap<>();
    private List<InDoubtDispatch> inDoubtAtOpen = List.of();
    private FileChannel channel;
    private long size;

    private DispatchJournal(Path dir) {
        this.dir = dir;
    }

    /** Every dispatch the journal in {@code dir} recorded, with its earliest time. */
    static List<InDoubtDispatch> recorded(Path dir) throws IOException {
        return DispatchFile.read(dir.resolve(FILE));
    }

    /** Tells whether an entry is still pending in the store: neither forwarded nor cancelled. */
    interface PendingCheck {
        boolean isPending(ScheduleEntry entry) throws IOException;
    }

    /**
     * Opens the journal: the dispatches it recorded whose entries are still pending are in doubt, and
     * are all it keeps.
     */
    static DispatchJournal open(Path dir, PendingCheck store) throws IOException {
        DispatchJournal journal = new DispatchJournal(dir);
        List<InDoubtDispatch> inDoubt = new ArrayList<>();
        for (InDoubtDispatch recorded : recorded(dir)) {
            if (store.isPending(recorded.entry())) {
                inDoubt.add(recorded);
            }
        }
        inDoubt.sort(Comparator.comparingLong((InDoubtDispatch d) -> d.entry().dueAt())
                .thenComparingLong(d -> d.entry().scheduleId()));
        journal.inDoubtAtOpen = List.copyOf(inDoubt);
        inDoubt.forEach(d -> journal.unsettled.put(d.entry().scheduleId(), d));
        journal.rewrite();
        if (!inDoubt.isEmpty()) {
            LOG.info("{} scheduled messages were being forwarded when the store last stopped; the brokers will be asked"
                    + " whether they have them before they are forwarded again", inDoubt.size());
        }
        return journal;
    }

    /** The dispatches in doubt at open that are not settled yet, by due time then schedule id. */
    synchronized List<InDoubtDispatch> inDoubt() {
        return inDoubtAtOpen.stream().filter(d -> unsettled.containsKey(d.entry().scheduleId())).toList();
    }

    /** Records that the entries' forward begins; an entry already unsettled keeps its earlier time. */
    synchronized void dispatching(List<ScheduleEntry> entries, long atMillis) throws IOException {
        appendRecords(entries, atMillis);
        entries.forEach(e -> unsettled.putIfAbsent(e.scheduleId(), new InDoubtDispatch(e, atMillis)));
        if (size > REWRITE_BYTES) {
            rewrite();
        }
    }

    /** The message was forwarded or cancelled: its dispatch is no longer of interest. */
    synchronized void settled(long scheduleId) {
        unsettled.remove(scheduleId);
    }

    private void appendRecords(List<ScheduleEntry> entries, long atMillis) throws IOException {
        for (int from = 0; from < entries.size(); from += DispatchFile.MAX_ENTRIES) {
            int to = Math.min(entries.size(), from + DispatchFile.MAX_ENTRIES);
            append(DispatchFile.record(entries.subList(from, to), atMillis));
        }
    }

    private void append(ByteBuffer record) throws IOException {
        while (record.hasRemaining()) {
            size += channel.write(record);
        }
    }

    /** Replaces the file by one holding only the unsettled dispatches, grouped by time. */
    private void rewrite() throws IOException {
        if (channel != null) {
            channel.close();
        }
        Path fresh = dir.resolve(REWRITTEN);
        channel = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        size = 0;
        Map<Long, List<ScheduleEntry>> byTime = unsettled.values().stream().collect(Collectors.groupingBy(
                InDoubtDispatch::dispatchedAt, LinkedHashMap::new,
                Collectors.mapping(InDoubtDispatch::entry, Collectors.toCollection(ArrayList::new))));
        for (Map.Entry<Long, List<ScheduleEntry>> group : byTime.entrySet()) {
            appendRecords(group.getValue(), group.getKey());
        }
        // forced before the move and the directory after it: else a power loss could keep the rename
        // but not the records, and the dispatches in doubt would be lost with the old file
        channel.force(true);
        Files.move(fresh, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Directories.forceIfPossible(dir);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
