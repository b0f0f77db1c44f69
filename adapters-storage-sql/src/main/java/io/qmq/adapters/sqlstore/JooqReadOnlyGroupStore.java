package io.qmq.adapters.sqlstore;

import static io.qmq.adapters.sqlstore.ColumnWidths.fitting;
import static io.qmq.adapters.sqlstore.schema.Tables.READ_ONLY_GROUP;

import io.qmq.application.port.out.ReadOnlyGroupStore;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Read-only marks as rows of {@code read_only_group}: a row means the group is read-only. */
final class JooqReadOnlyGroupStore implements ReadOnlyGroupStore {

    private final DSLContext sql;

    JooqReadOnlyGroupStore(DSLContext sql) {
        this.sql = sql;
    }

    @Override
    public void setReadOnly(String groupName, boolean readOnly) {
        fitting(READ_ONLY_GROUP.GROUP_NAME, groupName);
        try {
            if (readOnly) {
                mark(groupName);
            } else {
                sql.deleteFrom(READ_ONLY_GROUP).where(READ_ONLY_GROUP.GROUP_NAME.eq(groupName)).execute();
            }
        } catch (DataAccessException e) {
            throw new MetaDataStoreException("could not mark broker group '" + groupName + "' "
                    + (readOnly ? "read-only" : "writable"), e);
        }
    }

    /** Marking twice, or racing another meta server, finds the row there: the mark holds either way. */
    private void mark(String groupName) {
        try {
            sql.insertInto(READ_ONLY_GROUP).set(READ_ONLY_GROUP.GROUP_NAME, groupName).execute();
        } catch (DataAccessException e) {
            if (!UniqueKeys.violatedBy(e)) {
                throw e;
            }
        }
    }

    @Override
    public Set<String> readOnlyGroups() {
        try {
            return Set.copyOf(sql.select(READ_ONLY_GROUP.GROUP_NAME).from(READ_ONLY_GROUP).fetch(READ_ONLY_GROUP.GROUP_NAME));
        } catch (DataAccessException e) {
            throw new MetaDataStoreException("could not list read-only broker groups", e);
        }
    }
}
