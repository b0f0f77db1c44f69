package io.qmq.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import io.qmq.application.port.out.MessageLog;
import io.qmq.application.port.out.PullLog;
import java.util.Map;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * Picks the message and pull log by {@code store.kind} from what the store modules contribute. Going
 * through {@link Provider}s means only the chosen store is ever built: an unused store opens no files
 * and no connections.
 */
@Module
public abstract class StorageSelectionModule {

    private StorageSelectionModule() {
    }

    /** Declared so that the maps exist even before any store contributes to them. */
    @Multibinds
    abstract Map<String, MessageLog> messageLogs();

    @Multibinds
    abstract Map<String, PullLog> pullLogs();

    @Provides
    @Singleton
    static MessageLog messageLog(StoreChoice choice, Map<String, Provider<MessageLog>> logs) {
        return choose("message log", choice, logs).get();
    }

    @Provides
    @Singleton
    static PullLog pullLog(StoreChoice choice, Map<String, Provider<PullLog>> logs) {
        return choose("pull log", choice, logs).get();
    }

    static <T> Provider<T> choose(String port, StoreChoice choice, Map<String, Provider<T>> stores) {
        Provider<T> store = stores.get(choice.kind());
        if (store == null) {
            throw new UnknownStoreKindException(port, choice.kind(), stores.keySet());
        }
        return store;
    }
}
