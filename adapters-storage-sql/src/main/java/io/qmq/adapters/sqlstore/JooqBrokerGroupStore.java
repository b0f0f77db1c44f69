package io.qmq.adapters.sqlstore;

import static io.qmq.adapters.sqlstore.ColumnWidths.fitting;
import static io.qmq.adapters.sqlstore.schema.Tables.BROKER_GROUP;

import io.qmq.adapters.sqlstore.schema.tables.records.BrokerGroupRecord;
import io.qmq.application.port.out.BrokerGroupStillRoutedException;
import io.qmq.application.port.out.BrokerGroupStore;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Broker groups in table {@code broker_group}, one row per group name; kind and state as QMQ's codes.
 * Routes' groups refer to the rows by name, so the database refuses to delete a routed group.
 */
final class JooqBrokerGroupStore implements BrokerGroupStore {

    private final DSLContext sql;

    JooqBrokerGroupStore(DSLContext sql) {
        this.sql = sql;
    }

    @Override
    public void save(BrokerGroup group) {
        try {
            UniqueKeys.upsert(() -> sql.insertInto(BROKER_GROUP)
                    .set(BROKER_GROUP.GROUP_NAME, fitting(BROKER_GROUP.GROUP_NAME, group.name()))
                    .set(BROKER_GROUP.KIND, group.kind().code())
                    .set(BROKER_GROUP.MASTER_ADDRESS, fitting(BROKER_GROUP.MASTER_ADDRESS, group.masterAddress()))
                    .set(BROKER_GROUP.BROKER_STATE, group.state().code())
                    .set(BROKER_GROUP.UPDATED_AT, group.updatedAt())
                    .onConflict(BROKER_GROUP.GROUP_NAME)
                    .doUpdate()
                    .set(BROKER_GROUP.KIND, group.kind().code())
                    .set(BROKER_GROUP.MASTER_ADDRESS, group.masterAddress())
                    .set(BROKER_GROUP.BROKER_STATE, group.state().code())
                    .set(BROKER_GROUP.UPDATED_AT, group.updatedAt())
                    .execute());
        } catch (DataAccessException e) {
            throw new MetaDataStoreException("could not save broker group '" + group.name() + "'", e);
        }
    }

    @Override
    public Optional<BrokerGroup> find(String name) {
        try {
            return sql.selectFrom(BROKER_GROUP)
                    .where(BROKER_GROUP.GROUP_NAME.eq(name))
                    .fetchOptional(JooqBrokerGroupStore::toGroup);
        } catch (DataAccessException e) {
            throw new MetaDataStoreException("could not read broker group '" + name + "'", e);
        }
    }

    @Override
    public List<BrokerGroup> all() {
        try {
            return sql.selectFrom(BROKER_GROUP)
                    .orderBy(BROKER_GROUP.GROUP_NAME)
                    .fetch(JooqBrokerGroupStore::toGroup);
        } catch (DataAccessException e) {
            throw new MetaDataStoreException("could not list broker groups", e);
        }
    }

    @Override
    public boolean remove(String name) {
        try {
            return sql.deleteFrom(BROKER_GROUP).where(BROKER_GROUP.GROUP_NAME.eq(name)).execute() > 0;
        } catch (DataAccessException e) {
            if (ForeignKeys.childExists(e)) {
                throw new BrokerGroupStillRoutedException(name, e);
            }
            throw new MetaDataStoreException("could not remove broker group '" + name + "'", e);
        }
    }

    private static BrokerGroup toGroup(BrokerGroupRecord row) {
        return new BrokerGroup(row.getGroupName(), BrokerGroupKind.ofCode(row.getKind()), row.getMasterAddress(),
                BrokerState.ofCode(row.getBrokerState()), row.getUpdatedAt());
    }
}
