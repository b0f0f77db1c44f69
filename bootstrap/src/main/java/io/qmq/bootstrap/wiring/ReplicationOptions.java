package io.qmq.bootstrap.wiring;

import dagger.BindsOptionalOf;
import dagger.Module;

/**
 * Lets the use cases ask whether the node replicates and in which role: only broker nodes bind
 * {@link SendReplication} and {@link ReplicationSettings}.
 */
@Module
abstract class ReplicationOptions {

    private ReplicationOptions() {
    }

    @BindsOptionalOf
    abstract SendReplication sendReplication();

    @BindsOptionalOf
    abstract ReplicationSettings replicationSettings();
}
