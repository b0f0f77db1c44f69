package io.qmq.bootstrap.wiring;

import dagger.BindsOptionalOf;
import dagger.Module;

/** Lets the use cases ask whether the node replicates: only broker nodes bind {@link SendReplication}. */
@Module
abstract class ReplicationOptions {

    private ReplicationOptions() {
    }

    @BindsOptionalOf
    abstract SendReplication sendReplication();
}
