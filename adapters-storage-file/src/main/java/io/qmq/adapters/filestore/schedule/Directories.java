package io.qmq.adapters.filestore.schedule;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forcing a directory, so that files created, renamed or deleted in it survive a power loss. */
final class Directories {

    private Directories() {
    }

    static void force(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
