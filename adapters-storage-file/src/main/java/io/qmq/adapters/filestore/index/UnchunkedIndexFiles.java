package io.qmq.adapters.filestore.index;

import io.qmq.adapters.filestore.segment.DirectorySync;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves consume logs of the layout before chunk files ({@code <stem>.idx}, entry N at byte N x 24) into
 * chunk files at open, so a data directory written by an older broker keeps serving every message.
 *
 * <p>Crash behaviour: each chunk is written whole from the old file (truncating a partial copy of an
 * interrupted run) and forced, and the old file is deleted only after every chunk is, so a killed split
 * is simply done again at the next open.
 */
final class UnchunkedIndexFiles {

    private static final Logger LOG = LoggerFactory.getLogger(UnchunkedIndexFiles.class);

    private UnchunkedIndexFiles() {
    }

    static void split(Path dir, long entriesPerFile) throws IOException {
        List<Path> unchunked;
        try (Stream<Path> listed = Files.list(dir)) {
            unchunked = listed.filter(f -> ConsumeIndex.isUnchunkedName(f.getFileName().toString())).toList();
        }
        for (Path file : unchunked) {
            splitOne(dir, file, entriesPerFile * IndexEntry.BYTES);
        }
        if (!unchunked.isEmpty()) {
            DirectorySync.force(dir);
            LOG.info("Split {} consume logs of {} into chunk files of {} entries", unchunked.size(), dir, entriesPerFile);
        }
    }

    private static void splitOne(Path dir, Path file, long chunkBytes) throws IOException {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.indexOf('.'));
        try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = source.size();
            for (long chunk = 0; chunk * chunkBytes < size; chunk++) {
                Path target = dir.resolve(ConsumeIndex.chunkFileName(stem, chunk));
                try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    long from = chunk * chunkBytes;
                    long length = Math.min(chunkBytes, size - from);
                    long copied = 0;
                    while (copied < length) {
                        copied += source.transferTo(from + copied, length - copied, out);
                    }
                    out.force(false);
                }
            }
        }
        Files.delete(file);
    }
}
