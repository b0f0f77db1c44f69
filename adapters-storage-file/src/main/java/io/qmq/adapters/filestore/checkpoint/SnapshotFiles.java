package io.qmq.adapters.filestore.checkpoint;

import io.qmq.adapters.filestore.segment.DirectorySync;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of derived state, each valid as of one log position, in files named
 * {@code <prefix>-<20-digit position>.snap}:
 *
 * <pre>
 * offset  width  field
 * 0       n      content (the owner's format)
 * n       4      CRC32C of the content
 * </pre>
 *
 * Crash rule: a snapshot is written to a temporary file, forced, renamed into place atomically and the
 * directory is forced, so a snapshot file either is complete or does not exist. Loading takes the
 * newest file whose checksum holds; a damaged one is skipped, falling back to an older one (the log
 * replay then covers more). Snapshots beyond the position of a new one describe a log that was cut
 * and are deleted; of the rest the newest {@link #RETAINED} are kept.
 */
public final class SnapshotFiles {

    public static final int RETAINED = 2;
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotFiles.class);
    private static final String SUFFIX = ".snap";
    private static final int CRC_BYTES = 4;

    private final Path dir;
    private final String prefix;

    /** A loaded snapshot: the log position it is valid at and its content. */
    public record Snapshot(long position, ByteBuffer content) {
    }

    public SnapshotFiles(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
    }

    public void write(long position, ByteBuffer content) throws IOException {
        Path target = dir.resolve(String.format("%s-%020d%s", prefix, position, SUFFIX));
        Path temporary = dir.resolve(target.getFileName() + ".tmp");
        CRC32C crc = new CRC32C();
        crc.update(content.duplicate());
        ByteBuffer trailer = ByteBuffer.allocate(CRC_BYTES).putInt(0, (int) crc.getValue());
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeFully(channel, content.duplicate());
            writeFully(channel, trailer);
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DirectorySync.force(dir);
        prune(position);
    }

    public Optional<Snapshot> newest() throws IOException {
        for (Path file : snapshotsNewestFirst()) {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length >= CRC_BYTES) {
                CRC32C crc = new CRC32C();
                crc.update(bytes, 0, bytes.length - CRC_BYTES);
                if ((int) crc.getValue() == ByteBuffer.wrap(bytes).getInt(bytes.length - CRC_BYTES)) {
                    return Optional.of(new Snapshot(positionOf(file), ByteBuffer.wrap(bytes, 0, bytes.length - CRC_BYTES).slice()));
                }
            }
            LOG.warn("Snapshot {} is damaged; falling back to an older one", file);
        }
        return Optional.empty();
    }

    private void prune(long position) throws IOException {
        int kept = 0;
        for (Path file : snapshotsNewestFirst()) {
            if (positionOf(file) > position || kept++ >= RETAINED) {
                Files.deleteIfExists(file);
            }
        }
    }

    private List<Path> snapshotsNewestFirst() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = new ArrayList<>(files.filter(this::isSnapshot).toList());
            found.sort(Comparator.comparingLong(SnapshotFiles::positionOf).reversed());
            return found;
        }
    }

    private boolean isSnapshot(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(prefix + "-") && name.endsWith(SUFFIX)
                && name.length() == prefix.length() + 1 + 20 + SUFFIX.length();
    }

    private static long positionOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(name.length() - SUFFIX.length() - 20, name.length() - SUFFIX.length()));
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
