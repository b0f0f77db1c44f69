package io.qmq.bootstrap;

import io.qmq.bootstrap.config.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file {@code replica-of} in a slave's data directory, naming the master it copies. Its message log
 * is the master's and its consumer progress a copy taken every few seconds, so a promoted slave does
 * not know a group the master created after the last copy (one that first pulled in the master's last
 * seconds). While the file is there a master therefore starts every consumer group new to it at the
 * earliest message, so such a group skips nothing the old master stored (it may see messages again);
 * groups the copy holds carry on from it. The operator deletes the file once the groups have caught up.
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
