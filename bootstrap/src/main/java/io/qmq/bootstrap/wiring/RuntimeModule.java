package io.qmq.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** Hands the node's thread pools to the services under their qualifiers. */
@Module
public final class RuntimeModule {

    private RuntimeModule() {
    }

    @Provides
    @PullWorkers
    static Executor pullWorkers(NodeThreads threads) {
        return threads.pullWorkers();
    }

    @Provides
    @PullTimer
    static ScheduledExecutorService pullTimer(NodeThreads threads) {
        return threads.pullTimer();
    }
}
