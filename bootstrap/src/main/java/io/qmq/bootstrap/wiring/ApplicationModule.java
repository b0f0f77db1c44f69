package io.qmq.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import io.qmq.application.port.in.AckMessagesUseCase;
import io.qmq.application.port.in.AdministerClusterUseCase;
import io.qmq.application.port.in.FindStoredMessagesUseCase;
import io.qmq.application.port.in.PullMessagesUseCase;
import io.qmq.application.port.in.RecordBacklogUseCase;
import io.qmq.application.port.in.RegisterBrokerUseCase;
import io.qmq.application.port.in.RegisterClientUseCase;
import io.qmq.application.port.in.ReportBacklogUseCase;
import io.qmq.application.port.in.ResolveRouteUseCase;
import io.qmq.application.port.in.SendMessagesUseCase;
import io.qmq.application.port.out.BacklogReportStore;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.application.port.out.BrokerMetrics;
import io.qmq.application.port.out.ClientRegistrationStore;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import io.qmq.application.port.out.ReadOnlyGroupStore;
import io.qmq.application.port.out.SubjectRouteStore;
import io.qmq.application.service.AckMessagesService;
import io.qmq.application.service.AdministerClusterService;
import io.qmq.application.service.BrokerAvailability;
import io.qmq.application.service.BrokerSettings;
import io.qmq.application.service.ConsumerGroups;
import io.qmq.application.service.ConsumerLiveness;
import io.qmq.application.service.FindStoredMessagesService;
import io.qmq.application.service.ForwardedDuplicates;
import io.qmq.application.service.MessageArrivals;
import io.qmq.application.service.PullMessagesService;
import io.qmq.application.service.RecordBacklogService;
import io.qmq.application.service.RedeliverSilentConsumersService;
import io.qmq.application.service.Redelivery;
import io.qmq.application.service.RegisterBrokerService;
import io.qmq.application.service.RegisterClientService;
import io.qmq.application.service.ReportBacklogService;
import io.qmq.application.service.ResolveRouteService;
import io.qmq.application.service.RouteSettings;
import io.qmq.application.service.SendMessagesService;
import io.qmq.application.service.SubscriptionLocks;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * Builds the use cases by calling their constructors: the application carries no DI annotations.
 * Everything is a singleton because the services share state (locks, arrivals, liveness) that must
 * be one per node.
 */
@Module(includes = ReplicationOptions.class)
public final class ApplicationModule {

    private ApplicationModule() {
    }

    @Provides
    @Singleton
    static MessageArrivals arrivals() {
        return new MessageArrivals();
    }

    @Provides
    @Singleton
    static SubscriptionLocks subscriptionLocks() {
        return new SubscriptionLocks();
    }

    /** Whether this broker takes sends; the meta server's answers to its heartbeats update it. */
    @Provides
    @Singleton
    static BrokerAvailability brokerAvailability() {
        return new BrokerAvailability();
    }

    @Provides
    @Singleton
    static ConsumerLiveness consumerLiveness(Clock clock) {
        return new ConsumerLiveness(clock);
    }

    @Provides
    @Singleton
    static Redelivery redelivery(MessageLog log, PullLog pullLog, MessageArrivals arrivals, BrokerMetrics metrics) {
        return new Redelivery(log, pullLog, arrivals, metrics);
    }

    /** The recent forwards of delay servers, which both sends and finds consult. */
    @Provides
    @Singleton
    static ForwardedDuplicates forwardedDuplicates() {
        return new ForwardedDuplicates();
    }

    @Provides
    @Singleton
    static SendMessagesUseCase sendMessages(MessageLog log, MessageArrivals arrivals, BrokerMetrics metrics,
                                            BrokerSettings settings, BrokerAvailability availability,
                                            Optional<SendReplication> replication, ForwardedDuplicates duplicates) {
        SendMessagesUseCase stored = new SendMessagesService(log, arrivals, metrics, settings, availability,
                duplicates);
        return replication.map(r -> r.around(stored)).orElse(stored);
    }

    @Provides
    @Singleton
    static FindStoredMessagesUseCase findStoredMessages(MessageLog log, ForwardedDuplicates duplicates) {
        return new FindStoredMessagesService(log, duplicates);
    }

    @Provides
    @Singleton
    static PullMessagesUseCase pullMessages(MessageLog log, PullLog pullLog, SubscriptionLocks locks,
                                            MessageArrivals arrivals, ConsumerLiveness liveness, BrokerMetrics metrics,
                                            BrokerSettings settings, Clock clock, @PullWorkers Executor workers,
                                            @PullTimer ScheduledExecutorService timer) {
        return new PullMessagesService(log, pullLog, locks, arrivals, liveness, metrics, settings, clock, workers, timer);
    }

    @Provides
    @Singleton
    static AckMessagesUseCase ackMessages(PullLog pullLog, SubscriptionLocks locks, Redelivery redelivery,
                                          ConsumerLiveness liveness, BrokerMetrics metrics) {
        return new AckMessagesService(pullLog, locks, redelivery, liveness, metrics);
    }

    @Provides
    @Singleton
    static RedeliverSilentConsumersService redeliverSilentConsumers(PullLog pullLog, SubscriptionLocks locks,
                                                                    Redelivery redelivery, ConsumerLiveness liveness,
                                                                    BrokerSettings settings) {
        return new RedeliverSilentConsumersService(pullLog, locks, redelivery, liveness, settings);
    }

    /**
     * A slave reports no backlog: its copied log grows while its copy of the master's progress lags by
     * seconds, so its numbers would look like a real backlog. It never opens its pull log for them either.
     */
    @Provides
    @Singleton
    static ReportBacklogUseCase reportBacklog(MessageLog log, Provider<PullLog> pullLog,
                                              Optional<ReplicationSettings> replication) {
        if (replication.filter(ReplicationSettings::isSlave).isPresent()) {
            return List::of;
        }
        return new ReportBacklogService(log, pullLog.get());
    }

    @Provides
    @Singleton
    static ResolveRouteUseCase resolveRoute(BrokerGroupStore groups, SubjectRouteStore routes,
                                            ReadOnlyGroupStore readOnly, RouteSettings settings) {
        return new ResolveRouteService(groups, routes, readOnly, settings);
    }

    @Provides
    @Singleton
    static RegisterClientUseCase registerClient(ResolveRouteUseCase routes, ClientRegistrationStore registrations) {
        return new RegisterClientService(routes, registrations);
    }

    @Provides
    @Singleton
    static RegisterBrokerUseCase registerBroker(BrokerGroupStore groups, ReadOnlyGroupStore readOnly) {
        return new RegisterBrokerService(groups, readOnly);
    }

    @Provides
    @Singleton
    static AdministerClusterUseCase administerCluster(BrokerGroupStore groups, SubjectRouteStore routes,
                                                      ReadOnlyGroupStore readOnly, RegisterBrokerUseCase registration,
                                                      ClientRegistrationStore registrations,
                                                      BacklogReportStore backlogReports, Clock clock) {
        return new AdministerClusterService(groups, routes, readOnly, registration,
                new ConsumerGroups(registrations, backlogReports, clock, ConsumerGroups.DEFAULT_ONLINE_WINDOW),
                backlogReports);
    }

    @Provides
    @Singleton
    static RecordBacklogUseCase recordBacklog(BacklogReportStore backlogReports) {
        return new RecordBacklogService(backlogReports);
    }
}
