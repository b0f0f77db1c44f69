package io.qmq.adapters.filestore.segment;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Forces a directory, which makes the files created or renamed in it survive a machine crash:
 * forcing a new file makes its bytes durable, not its name.
 */
public final class DirectorySync {

    private DirectorySync() {
    }

    public static void force(Path dir) throws IOException {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
