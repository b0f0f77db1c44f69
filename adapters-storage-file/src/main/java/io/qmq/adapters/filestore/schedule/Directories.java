package io.qmq.adapters.filestore.schedule;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forcing a directory, so that files created, renamed or deleted in it survive a power loss. */
final class Directories {

    private static final Logger LOG = LoggerFactory.getLogger(Directories.class);

    private Directories() {
    }

    static void force(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Forces the directory where the platform lets a directory be opened: Linux and macOS do; Windows
     * refuses, and its file system journals renames itself. A failing force still throws.
     */
    static void forceIfPossible(Path dir) throws IOException {
        try {
            force(dir);
        } catch (AccessDeniedException e) {
            LOG.debug("cannot open directory {} to force it; relying on the file system", dir, e);
        }
    }
}
