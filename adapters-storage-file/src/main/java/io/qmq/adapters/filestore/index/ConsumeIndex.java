package io.qmq.adapters.filestore.index;

import io.qmq.domain.message.Subject;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The consume logs: per subject a run of chunk files of fixed-size {@link IndexEntry entries}, and a
 * small in-memory {@link SubjectLog}. Chunk k holds sequences [k x E, (k + 1) x E) for E entries per
 * file, entry N at byte (N mod E) x {@value IndexEntry#BYTES} of chunk N / E. Files are created on
 * their first entry, grow by what is written (nothing is preallocated) and are opened lazily through a
 * bounded set of handles. Retention deletes a subject's leading chunks whole ({@link #trim}), so disk
 * use follows the message log's.
 *
 * <p>File names are a readable prefix of the subject plus a hash of its full name, so any legal subject
 * (including {@code ..} or names longer than a file name may be) maps to one safe, distinct stem, then
 * the 12-digit chunk number: {@code orders-<hash>.000000000003.idx}.
 *
 * <p>Crash behaviour: a chunk is forced when the writer fills it, the newest at each checkpoint. A
 * chunk deleted by retention reads as holes; at open the lowest chunk left on disk bounds each
 * subject's first sequence, so a crash between deleting message segments and trimming chunks is
 * finished by the next retention pass.
 */
public final class ConsumeIndex implements Closeable {

    /** Entries per chunk file unless told otherwise: 24 MiB files. */
    public static final int DEFAULT_ENTRIES_PER_FILE = 1 << 20;
    private static final String SUFFIX = ".idx";
    private static final int CHUNK_DIGITS = 12;
    private static final int READABLE_PREFIX = 48;
    private static final int HASH_BYTES = 16;

    private final Path dir;
    private final IndexFiles files;
    private final long entriesPerFile;
    private final Map<String, Long> lowestChunks;
    private final ConcurrentHashMap<Subject, SubjectLog> subjects = new ConcurrentHashMap<>();

    private ConsumeIndex(Path dir, IndexFiles files, long entriesPerFile, Map<String, Long> lowestChunks) {
        this.dir = dir;
        this.files = files;
        this.entriesPerFile = entriesPerFile;
        this.lowestChunks = lowestChunks;
    }

    public static ConsumeIndex open(Path dir, int maxOpenFiles) throws IOException {
        return open(dir, maxOpenFiles, DEFAULT_ENTRIES_PER_FILE);
    }

    public static ConsumeIndex open(Path dir, int maxOpenFiles, int entriesPerFile) throws IOException {
        if (entriesPerFile <= 0) {
            throw new IllegalArgumentException("entriesPerFile must be positive, got " + entriesPerFile);
        }
        Files.createDirectories(dir);
        UnchunkedIndexFiles.split(dir, entriesPerFile);
        return new ConsumeIndex(dir, new IndexFiles(dir, maxOpenFiles), entriesPerFile, lowestChunks(dir));
    }

    /** Per file stem, the lowest chunk number on disk. */
    private static Map<String, Long> lowestChunks(Path dir) throws IOException {
        Map<String, Long> lowest = new HashMap<>();
        try (Stream<Path> listed = Files.list(dir)) {
            for (Path file : listed.toList()) {
                String name = file.getFileName().toString();
                int dot = name.length() - SUFFIX.length() - CHUNK_DIGITS - 1;
                if (dot > 0 && name.endsWith(SUFFIX) && name.charAt(dot) == '.') {
                    long chunk = Long.parseLong(name.substring(dot + 1, dot + 1 + CHUNK_DIGITS));
                    lowest.merge(name.substring(0, dot), chunk, Math::min);
                }
            }
        }
        return lowest;
    }

    public Path dir() {
        return dir;
    }

    public SubjectLog subject(Subject subject) {
        return subjects.get(subject);
    }

    /** The subject's state, created empty on first use. */
    public SubjectLog subjectOrCreate(Subject subject) {
        return subjects.computeIfAbsent(subject, s -> {
            SubjectLog created = new SubjectLog(s, fileName(s));
            created.advanceFirst(lowestChunks.getOrDefault(created.fileName(), 0L) * entriesPerFile);
            return created;
        });
    }

    public Collection<SubjectLog> subjects() {
        return subjects.values();
    }

    /**
     * Writes entries (position to limit) for consecutive sequences from {@code firstSequence}; writer
     * thread only. A chunk the write fills is forced at once, so only the newest needs forcing later.
     */
    public void write(SubjectLog subject, long firstSequence, ByteBuffer entries) throws IOException {
        ByteBuffer view = entries.duplicate();
        long sequence = firstSequence;
        while (view.hasRemaining()) {
            long within = sequence % entriesPerFile;
            int count = (int) Math.min(view.remaining() / IndexEntry.BYTES, entriesPerFile - within);
            ByteBuffer part = view.slice(view.position(), count * IndexEntry.BYTES);
            boolean fills = within + count == entriesPerFile;
            files.with(chunkName(subject, sequence), true, channel -> {
                long at = within * IndexEntry.BYTES;
                while (part.hasRemaining()) {
                    at += channel.write(part, at);
                }
                if (fills) {
                    channel.force(false);
                }
                return null;
            });
            view.position(view.position() + count * IndexEntry.BYTES);
            sequence += count;
        }
    }

    /** Reads {@code count} entries from {@code firstSequence}; missing bytes and deleted chunks read as holes. */
    public ByteBuffer read(SubjectLog subject, long firstSequence, int count) throws IOException {
        ByteBuffer entries = ByteBuffer.allocate(count * IndexEntry.BYTES);
        long sequence = firstSequence;
        while (entries.hasRemaining()) {
            long within = sequence % entriesPerFile;
            int part = (int) Math.min(entries.remaining() / IndexEntry.BYTES, entriesPerFile - within);
            ByteBuffer dst = entries.slice(entries.position(), part * IndexEntry.BYTES);
            files.with(chunkName(subject, sequence), false, channel -> {
                dst.clear();
                long at = within * IndexEntry.BYTES;
                while (dst.hasRemaining() && channel.read(dst, at + dst.position()) >= 0) {
                    // positional reads until the part is full or the file ends
                }
                return null;
            });
            entries.position(entries.position() + part * IndexEntry.BYTES);
            sequence += part;
        }
        entries.clear();
        return entries;
    }

    /** Forces the subject's newest chunk and the one before it (the writer forced every older one when it filled). */
    public void force(SubjectLog subject) throws IOException {
        long last = Math.max(0, subject.nextSequence() - 1);
        long chunkStart = last - last % entriesPerFile;
        for (long sequence : new long[] {chunkStart - 1, last, last + 1}) {
            if (sequence >= subject.firstSequence() && sequence >= 0) {
                files.with(chunkName(subject, sequence), false, channel -> {
                    channel.force(false);
                    return null;
                });
            }
        }
    }

    /**
     * Deletes the subject's chunk files that hold only sequences below {@code firstKept - 1}, after the
     * subject's first sequence was moved to it. The chunk of {@code firstKept - 1} stays, so a subject
     * whose every entry expired still has a chunk on disk that tells a reopen where it stands. Returns
     * how many files it deleted.
     */
    public int trim(SubjectLog subject, long firstKept, long previousFirst) throws IOException {
        int deleted = 0;
        long lastDeletable = Math.floorDiv(firstKept - 1, entriesPerFile);
        for (long chunk = previousFirst / entriesPerFile; chunk < lastDeletable; chunk++) {
            if (files.delete(chunkName(subject, chunk * entriesPerFile))) {
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * How many of the subject's first {@code end} entries point before log position {@code position},
     * searching from {@code from} (every entry before it is known to).
     */
    public long countBefore(SubjectLog subject, long from, long end, long position) throws IOException {
        long low = from;
        long high = end;
        while (low < high) {
            long mid = (low + high) >>> 1;
            ByteBuffer entry = read(subject, mid, 1);
            if (!IndexEntry.isHole(entry, 0) && IndexEntry.position(entry, 0) < position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    public int openFiles() {
        return files.openCount();
    }

    @Override
    public void close() throws IOException {
        files.close();
    }

    static String fileName(Subject subject) {
        String name = subject.name();
        StringBuilder readable = new StringBuilder();
        for (int i = 0; i < name.length() && readable.length() < READABLE_PREFIX; i++) {
            char c = name.charAt(i);
            readable.append(Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' ? c : '_');
        }
        return readable + "-" + hash(name);
    }

    private String chunkName(SubjectLog subject, long sequence) {
        return chunkFileName(subject.fileName(), sequence / entriesPerFile);
    }

    static String chunkFileName(String stem, long chunk) {
        return String.format("%s.%0" + CHUNK_DIGITS + "d%s", stem, chunk, SUFFIX);
    }

    /** A consume-log file of the single-file layout before chunks: {@code <stem>.idx}. */
    static boolean isUnchunkedName(String name) {
        return name.endsWith(SUFFIX) && name.indexOf('.') == name.length() - SUFFIX.length();
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
