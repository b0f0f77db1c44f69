package io.qmq.adapters.sqlstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.MessageLogContract;
import io.qmq.domain.message.MessageSizeLimit;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on an embedded H2 file database, shared by the tests of this class. */
class JooqMessageLogH2Test extends MessageLogContract {

    @TempDir
    static Path dataDir;
    private static TestDatabase database;

    @BeforeAll
    static void database() {
        database = new TestDatabase(SqlStoreConfig.embeddedH2(dataDir));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    /** Every open is a restart: the previous log is closed by now, and the database is opened anew. */
    @Override
    protected MessageLog open() {
        database.close();
        return JooqMessageLog.open(database.database(), Clock.systemUTC());
    }

    /** The contract's messages are small; a broker must also take one as large as it accepts by default. */
    @Test
    void aMessageAtTheDefaultSizeLimitIsStoredWhole() {
        Subject subject = freshSubject();

        List<StoredMessage> stored = append(message(subject, MessageSizeLimit.DEFAULT.maxBytes()), message(subject, 10));

        assertThat(log.read(subject, 0, 10, Integer.MAX_VALUE)).containsExactlyElementsOf(stored);
    }
}
