package io.qmq.bootstrap;

import io.qmq.bootstrap.config.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The node's data directory ({@code store.root}), created on first start. */
final class DataDirectory {

    private DataDirectory() {
    }

    static void create(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new ConfigurationException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
