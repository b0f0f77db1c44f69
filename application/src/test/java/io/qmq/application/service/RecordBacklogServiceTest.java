package io.qmq.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.qmq.application.fixtures.InMemoryBacklogReportStore;
import io.qmq.application.port.out.BacklogReportStore;
import io.qmq.application.port.out.MetaDataUnavailableException;
import io.qmq.domain.cluster.BacklogReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordBacklogServiceTest {

    private final InMemoryBacklogReportStore kept = new InMemoryBacklogReportStore();
    private boolean storeDown;
    private final BacklogReportStore store = new BacklogReportStore() {
        @Override
        public void save(BacklogReport report) {
            if (storeDown) {
                throw new MetaDataUnavailableException("database unreachable", null);
            }
            kept.save(report);
        }

        @Override
        public List<BacklogReport> all() {
            return kept.all();
        }

        @Override
        public void remove(String brokerGroup) {
            kept.remove(brokerGroup);
        }
    };
    private final RecordBacklogService service = new RecordBacklogService(store);

    @Test
    void keepsTheLatestReportOfEachGroup() {
        service.record(new BacklogReport("a", 1L, true, List.of()));
        service.record(new BacklogReport("a", 2L, false, List.of()));
        service.record(new BacklogReport("b", 3L, true, List.of()));

        assertThat(kept.all()).extracting(BacklogReport::reportedAt).containsExactly(2L, 3L);
    }

    @Test
    void aReportTheStoreCannotTakeIsDroppedAndTheNextOneKept() {
        storeDown = true;
        service.record(new BacklogReport("a", 1L, true, List.of()));
        service.record(new BacklogReport("a", 2L, true, List.of()));

        assertThat(kept.all()).isEmpty();

        storeDown = false;
        service.record(new BacklogReport("a", 3L, true, List.of()));

        assertThat(kept.all()).extracting(BacklogReport::reportedAt).containsExactly(3L);
    }
}
