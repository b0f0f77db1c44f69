package io.qmq.adapters.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.domain.message.Message;
import io.qmq.domain.message.MessageFlags;
import io.qmq.domain.message.MessageId;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import io.qmq.domain.message.Tags;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory whose consume logs are single files (the layout before chunks) still serves every message. */
class UnchunkedIndexTest {

    private static final int ENTRIES_PER_FILE = 4;

    @TempDir
    Path dataDir;

    private final Subject subject = Subject.of("subject-" + UUID.randomUUID());

    @Test
    void singleFileConsumeLogsAreSplitIntoChunksAtOpen() throws IOException {
        List<StoredMessage> stored = new ArrayList<>();
        try (FileMessageLog log = open()) {
            for (int i = 0; i < 11; i++) {
                Message message = new Message(subject, MessageId.of("id-" + i), Tags.of("t"), MessageFlags.of(false, true),
                        1_000L, 0, new byte[50]);
                stored.addAll(log.append(List.of(message)).orTimeout(10, TimeUnit.SECONDS).join());
            }
        }
        List<Path> chunks = indexFiles();
        assertThat(chunks).hasSize(3);
        String name = chunks.get(0).getFileName().toString();
        Path single = dataDir.resolve("index").resolve(name.substring(0, name.indexOf('.')) + ".idx");
        try (OutputStream out = Files.newOutputStream(single)) {
            for (Path chunk : chunks) {
                out.write(Files.readAllBytes(chunk));
                Files.delete(chunk);
            }
        }

        try (FileMessageLog log = open()) {
            assertThat(log.read(subject, 0, 100, Integer.MAX_VALUE)).containsExactlyElementsOf(stored);
            assertThat(indexFiles()).hasSize(3).doesNotContain(single);
        }
    }

    private FileMessageLog open() {
        return FileMessageLog.open(FileStoreConfig.defaults(dataDir).withIndexEntriesPerFile(ENTRIES_PER_FILE), Clock.systemUTC());
    }

    private List<Path> indexFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("index"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".idx")).sorted().toList();
        }
    }
}
