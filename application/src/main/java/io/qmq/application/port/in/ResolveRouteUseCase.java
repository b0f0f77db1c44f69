package io.qmq.application.port.in;

import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.ClientType;
import io.qmq.domain.message.Subject;
import java.util.List;

/** Which broker groups serve a subject for one kind of client. */
public interface ResolveRouteUseCase {

    /**
     * The groups, in a stable order, that this kind of client may use for the subject; retry and
     * dead-letter subjects route like their real subject. Assigns groups to a subject seen for the
     * first time.
     */
    List<BrokerGroup> resolve(Subject subject, ClientType type);
}
