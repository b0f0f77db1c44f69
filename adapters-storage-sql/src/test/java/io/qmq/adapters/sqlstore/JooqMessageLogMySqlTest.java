package io.qmq.adapters.sqlstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.MessageLogContract;
import io.qmq.domain.message.MessageSizeLimit;
import io.qmq.domain.message.StoredMessage;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on the local MariaDB; skipped when it is not running. */
class JooqMessageLogMySqlTest extends MessageLogContract {

    private static final TestDatabase DATABASE = new TestDatabase(LocalMariaDb.CONFIG);

    @BeforeAll
    static void mariaDb() {
        LocalMariaDb.assumeReachable();
    }

    @AfterAll
    static void closeDatabase() {
        DATABASE.close();
    }

    /** Every open is a restart: the previous log is closed by now, and the database is opened anew. */
    @Override
    protected MessageLog open() {
        DATABASE.close();
        return JooqMessageLog.open(DATABASE.database(), Clock.systemUTC());
    }

    /** The contract's messages are small; a broker must also take one as large as it accepts by default. */
    @Test
    void aMessageAtTheDefaultSizeLimitIsStoredWhole() {
        Subject subject = freshSubject();

        List<StoredMessage> stored = append(message(subject, MessageSizeLimit.DEFAULT.maxBytes()), message(subject, 10));

        assertThat(log.read(subject, 0, 10, Integer.MAX_VALUE)).containsExactlyElementsOf(stored);
    }
}
