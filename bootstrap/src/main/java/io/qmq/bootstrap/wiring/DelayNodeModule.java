package io.qmq.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import io.qmq.application.port.in.ReportBacklogUseCase;
import java.util.List;

/** What a delay node alone lacks: it has no consumers, so its metrics report no consumer backlog. */
@Module
public final class DelayNodeModule {

    private DelayNodeModule() {
    }

    @Provides
    static ReportBacklogUseCase noBacklogs() {
        return List::of;
    }
}
