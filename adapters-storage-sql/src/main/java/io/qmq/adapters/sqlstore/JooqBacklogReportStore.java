package io.qmq.adapters.sqlstore;

import static io.qmq.adapters.sqlstore.ColumnWidths.fitting;
import static io.qmq.adapters.sqlstore.schema.Tables.BACKLOG_REPORT;

import io.qmq.adapters.sqlstore.schema.tables.records.BacklogReportRecord;
import io.qmq.application.port.out.BacklogReportStore;
import io.qmq.domain.cluster.BacklogReport;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Backlog reports in table {@code backlog_report}, one row per broker group, its entries in one column
 * ({@link BacklogEntriesColumn}). Saving is one insert-or-update, so concurrent reports of a group leave
 * one of them whole.
 */
final class JooqBacklogReportStore implements BacklogReportStore {

    private final DSLContext sql;

    JooqBacklogReportStore(DSLContext sql) {
        this.sql = sql;
    }

    @Override
    public void save(BacklogReport report) {
        String group = fitting(BACKLOG_REPORT.GROUP_NAME, report.brokerGroup());
        String entries = BacklogEntriesColumn.encode(report.entries());
        try {
            UniqueKeys.upsert(() -> sql.insertInto(BACKLOG_REPORT)
                    .set(BACKLOG_REPORT.GROUP_NAME, group)
                    .set(BACKLOG_REPORT.REPORTED_AT, report.reportedAt())
                    .set(BACKLOG_REPORT.COMPLETE, report.complete())
                    .set(BACKLOG_REPORT.ENTRIES, entries)
                    .onConflict(BACKLOG_REPORT.GROUP_NAME)
                    .doUpdate()
                    .set(BACKLOG_REPORT.REPORTED_AT, report.reportedAt())
                    .set(BACKLOG_REPORT.COMPLETE, report.complete())
                    .set(BACKLOG_REPORT.ENTRIES, entries)
                    .execute());
        } catch (DataAccessException e) {
            throw new MetaDataStoreException("could not save the backlog report of broker group '" + group + "'", e);
        }
    }

    @Override
    public List<BacklogReport> all() {
        try {
            return sql.selectFrom(BACKLOG_REPORT).orderBy(BACKLOG_REPORT.GROUP_NAME).fetch(JooqBacklogReportStore::toReport);
        } catch (DataAccessException e) {
            throw new MetaDataStoreException("could not list backlog reports", e);
        }
    }

    @Override
    public void remove(String brokerGroup) {
        try {
            sql.deleteFrom(BACKLOG_REPORT).where(BACKLOG_REPORT.GROUP_NAME.eq(brokerGroup)).execute();
        } catch (DataAccessException e) {
            throw new MetaDataStoreException("could not remove the backlog report of broker group '" + brokerGroup + "'", e);
        }
    }

    private static BacklogReport toReport(BacklogReportRecord row) {
        try {
            return new BacklogReport(row.getGroupName(), row.getReportedAt(), row.getComplete(),
                    BacklogEntriesColumn.decode(row.getEntries()));
        } catch (IllegalArgumentException e) {
            throw new MetaDataStoreException("malformed backlog report of broker group '" + row.getGroupName() + "'", e);
        }
    }
}
