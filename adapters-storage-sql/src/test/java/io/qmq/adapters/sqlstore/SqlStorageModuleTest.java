package io.qmq.adapters.sqlstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dagger.BindsInstance;
import dagger.Component;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.application.port.out.ClientRegistrationStore;
import io.qmq.application.port.out.SubjectRouteStore;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.message.Subject;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module wired the way bootstrap will: a config in, three stores and a closable database out. */
class SqlStorageModuleTest {

    @Singleton
    @Component(modules = SqlStorageModule.class)
    interface MetaDataComponent {
        BrokerGroupStore brokerGroups();

        SubjectRouteStore subjectRoutes();

        ClientRegistrationStore clientRegistrations();

        SqlDatabase database();

        @Component.Factory
        interface Factory {
            MetaDataComponent create(@BindsInstance SqlStoreConfig config);
        }
    }

    @TempDir
    Path dataDir;

    @Test
    void storesShareOneDatabaseThatShutdownCloses() {
        MetaDataComponent component = DaggerSqlStorageModuleTest_MetaDataComponent.factory().create(SqlStoreConfig.embeddedH2(dataDir));
        BrokerGroup group = new BrokerGroup("g-1", BrokerGroupKind.REALTIME, "10.0.0.1:20881", BrokerState.READ_WRITE, 1L);

        component.brokerGroups().save(group);
        component.subjectRoutes().assignIfAbsent(Subject.of("orders"), List.of("g-1"));

        assertThat(component.brokerGroups().find("g-1")).contains(group);
        assertThat(component.clientRegistrations().registrations(Subject.of("orders"))).isEmpty();
        assertThat(component.database()).isSameAs(component.database());
        component.database().close();
        assertThatThrownBy(() -> component.subjectRoutes().groupsOf(Subject.of("orders"))).isInstanceOf(MetaDataStoreException.class);
    }
}
