package io.qmq.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import io.qmq.adapters.netty.BrokerServer;
import io.qmq.adapters.netty.BrokerServerConfig;
import io.qmq.application.port.in.InspectSchedulesUseCase;
import io.qmq.application.port.in.PullResult;
import io.qmq.application.port.out.DelayMetrics;
import io.qmq.application.port.out.MessageForwarder;
import io.qmq.application.port.out.ScheduleCatalog;
import io.qmq.application.port.out.ScheduleStore;
import io.qmq.application.service.DelaySettings;
import io.qmq.application.service.DelayTimer;
import io.qmq.application.service.DueForwarding;
import io.qmq.application.service.InspectSchedulesService;
import io.qmq.application.service.ScheduleMessagesService;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * The delay server's services and endpoint. Schedules are kept by the store contributed under
 * {@value #SCHEDULE_STORE} (the only one so far, whatever {@code store.kind} says for messages).
 *
 * <p>The endpoint serves SEND_MESSAGE only. Consumers never route to a delay group (meta answers for
 * consumers list realtime groups), so a stray pull is answered at once with no messages and a stray
 * ack is ignored: harmless for a confused client, and nothing is ever pulled from a delay node.
 */
@Module
public abstract class DelayModule {

    static final String SCHEDULE_STORE = "file";

    private DelayModule() {
    }

    @Multibinds
    abstract Map<String, ScheduleStore> scheduleStores();

    @Multibinds
    abstract Map<String, ScheduleCatalog> scheduleCatalogs();

    @Provides
    @Singleton
    static ScheduleStore scheduleStore(Map<String, Provider<ScheduleStore>> stores) {
        return StorageSelectionModule.choose("schedule store", new StoreChoice(SCHEDULE_STORE), stores).get();
    }

    @Provides
    @Singleton
    static ScheduleCatalog scheduleCatalog(Map<String, Provider<ScheduleCatalog>> catalogs) {
        return StorageSelectionModule.choose("schedule catalog", new StoreChoice(SCHEDULE_STORE), catalogs).get();
    }

    @Provides
    @Singleton
    static DelayThreads delayThreads() {
        return new DelayThreads();
    }

    @Provides
    @Singleton
    static DueForwarding dueForwarding(ScheduleStore store, MessageForwarder forwarder, DelayMetrics metrics, Clock clock,
                                       DelayThreads threads) {
        return new DueForwarding(store, forwarder, metrics, clock, threads.forwarding());
    }

    @Provides
    @Singleton
    static DelayTimer delayTimer(ScheduleStore store, DueForwarding forwarding, DelaySettings settings, Clock clock,
                                 DelayThreads threads) {
        return new DelayTimer(store, forwarding, settings, clock, threads.timer(), threads.loader());
    }

    @Provides
    @Singleton
    static ScheduleMessagesService scheduleMessages(ScheduleStore store, DelayTimer timer, DelayMetrics metrics,
                                                    DelaySettings settings, Clock clock) {
        return new ScheduleMessagesService(store, timer, metrics, settings, clock);
    }

    @Provides
    @Singleton
    static InspectSchedulesUseCase inspectSchedules(ScheduleStore store, ScheduleCatalog catalog, DelayTimer timer) {
        return new InspectSchedulesService(store, catalog, timer);
    }

    @Provides
    @Singleton
    @DelayServer
    static BrokerServer delayServer(@DelayServer BrokerServerConfig config, ScheduleMessagesService schedule) {
        return new BrokerServer(config, schedule, pull -> CompletableFuture.completedFuture(PullResult.EMPTY),
                ack -> { });
    }
}
