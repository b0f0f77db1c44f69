package io.qmq.adapters.sqlstore;

import static io.qmq.adapters.sqlstore.ColumnWidths.fitting;
import static io.qmq.adapters.sqlstore.schema.Tables.CLIENT_REGISTRATION;

import io.qmq.adapters.sqlstore.schema.tables.records.ClientRegistrationRecord;
import io.qmq.application.port.out.ClientRegistrationStore;
import io.qmq.domain.cluster.ClientRegistration;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Registrations in table {@code client_registration}, unique on (subject, client type, consumer
 * group, client id). The first registration fixes the row; later ones only raise {@code last_seen},
 * which never moves back even when meta servers' clocks disagree.
 */
final class JooqClientRegistrationStore implements ClientRegistrationStore {

    private final DSLContext sql;

    JooqClientRegistrationStore(DSLContext sql) {
        this.sql = sql;
    }

    @Override
    public void record(ClientRegistration registration) {
        try {
            UniqueKeys.upsert(() -> sql.insertInto(CLIENT_REGISTRATION)
                    .set(CLIENT_REGISTRATION.SUBJECT, fitting(CLIENT_REGISTRATION.SUBJECT, registration.subject().name()))
                    .set(CLIENT_REGISTRATION.CLIENT_TYPE, registration.type().code())
                    .set(CLIENT_REGISTRATION.CONSUMER_GROUP, fitting(CLIENT_REGISTRATION.CONSUMER_GROUP, registration.consumerGroup()))
                    .set(CLIENT_REGISTRATION.CLIENT_ID, fitting(CLIENT_REGISTRATION.CLIENT_ID, registration.clientId()))
                    .set(CLIENT_REGISTRATION.APP_CODE, fitting(CLIENT_REGISTRATION.APP_CODE, registration.appCode()))
                    .set(CLIENT_REGISTRATION.FIRST_SEEN, registration.at())
                    .set(CLIENT_REGISTRATION.LAST_SEEN, registration.at())
                    .onConflict(CLIENT_REGISTRATION.SUBJECT, CLIENT_REGISTRATION.CLIENT_TYPE,
                            CLIENT_REGISTRATION.CONSUMER_GROUP, CLIENT_REGISTRATION.CLIENT_ID)
                    .doUpdate()
                    .set(CLIENT_REGISTRATION.LAST_SEEN, DSL.greatest(CLIENT_REGISTRATION.LAST_SEEN, DSL.val(registration.at())))
                    .execute());
        } catch (DataAccessException e) {
            throw new MetaDataStoreException("could not record " + registration.type() + " '" + registration.clientId()
                    + "' of subject '" + registration.subject() + "', consumer group '" + registration.consumerGroup() + "'", e);
        }
    }

    @Override
    public List<ClientRegistration> registrations(Subject subject) {
        try {
            return sql.selectFrom(CLIENT_REGISTRATION)
                    .where(CLIENT_REGISTRATION.SUBJECT.eq(subject.name()))
                    .orderBy(CLIENT_REGISTRATION.FIRST_SEEN, CLIENT_REGISTRATION.ID)
                    .fetch(row -> toRegistration(subject, row));
        } catch (DataAccessException e) {
            throw new MetaDataStoreException("could not list the clients of subject '" + subject + "'", e);
        }
    }

    private static ClientRegistration toRegistration(Subject subject, ClientRegistrationRecord row) {
        return new ClientRegistration(subject, ClientType.ofCode(row.getClientType()), row.getAppCode(), row.getClientId(),
                row.getConsumerGroup(), row.getLastSeen());
    }
}
