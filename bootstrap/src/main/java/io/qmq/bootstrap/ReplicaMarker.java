package io.qmq.bootstrap;

import io.qmq.bootstrap.config.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file {@code replica-of} in a slave's data directory, naming the master it copies. Its message log
 * is the master's, but consumer progress is not replicated: a slave promoted to master knows no consumer
 * group. While the file is there a master therefore starts every consumer group new to it at the
 * earliest message, so nothing the old master stored is skipped (consumers may see some messages
 * again); the operator deletes the file once the groups have caught up.
 */
final class ReplicaMarker {

    static final String FILE_NAME = "replica-of";

    private ReplicaMarker() {
    }

    static void mark(Path dataDir, String group, String master) {
        try {
            Files.writeString(dataDir.resolve(FILE_NAME), "slave of broker group " + group + ", copying master " + master
                    + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("cannot write " + dataDir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    static boolean isPresent(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE_NAME));
    }
}
