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
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consume logs: per subject a file of fixed-size {@link IndexEntry entries}, entry N for sequence
 * N, and a small in-memory {@link SubjectLog}. Files are created on a subject's first message, grow by
 * what is written (nothing is preallocated) and are opened lazily through a bounded set of handles.
 *
 * <p>File names are a readable prefix of the subject plus a hash of its full name, so any legal subject
 * (including {@code ..} or names longer than a file name may be) maps to one safe, distinct file.
 */
public final class ConsumeIndex implements Closeable {

    private static final String SUFFIX = ".idx";
    private static final int READABLE_PREFIX = 48;
    private static final int HASH_BYTES = 16;

    private final Path dir;
    private final IndexFiles files;
    private final ConcurrentHashMap<Subject, SubjectLog> subjects = new ConcurrentHashMap<>();

    private ConsumeIndex(Path dir, IndexFiles files) {
        this.dir = dir;
        this.files = files;
    }

    public static ConsumeIndex open(Path dir, int maxOpenFiles) throws IOException {
        Files.createDirectories(dir);
        return new ConsumeIndex(dir, new IndexFiles(dir, maxOpenFiles));
    }

    public Path dir() {
        return dir;
    }

    public SubjectLog subject(Subject subject) {
        return subjects.get(subject);
    }

    /** The subject's state, created empty on first use. */
    public SubjectLog subjectOrCreate(Subject subject) {
        return subjects.computeIfAbsent(subject, s -> new SubjectLog(s, fileName(s)));
    }

    public Collection<SubjectLog> subjects() {
        return subjects.values();
    }

    /** Writes entries (position to limit) for consecutive sequences from {@code firstSequence}. */
    public void write(SubjectLog subject, long firstSequence, ByteBuffer entries) throws IOException {
        files.with(subject.fileName(), channel -> {
            ByteBuffer view = entries.duplicate();
            long at = firstSequence * IndexEntry.BYTES;
            while (view.hasRemaining()) {
                at += channel.write(view, at);
            }
            return null;
        });
    }

    /** Reads {@code count} entries from {@code firstSequence}; missing bytes read as holes. */
    public ByteBuffer read(SubjectLog subject, long firstSequence, int count) throws IOException {
        ByteBuffer entries = ByteBuffer.allocate(count * IndexEntry.BYTES);
        files.with(subject.fileName(), channel -> {
            entries.clear();
            long at = firstSequence * IndexEntry.BYTES;
            while (entries.hasRemaining()) {
                int read = channel.read(entries, at + entries.position());
                if (read < 0) {
                    break;
                }
            }
            return null;
        });
        entries.clear();
        return entries;
    }

    public void force(SubjectLog subject) throws IOException {
        files.with(subject.fileName(), channel -> {
            channel.force(false);
            return null;
        });
    }

    /** How many of the subject's first {@code end} entries point before log position {@code position}. */
    public long countBefore(SubjectLog subject, long end, long position) throws IOException {
        long low = 0;
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
        return readable + "-" + hash(name) + SUFFIX;
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
