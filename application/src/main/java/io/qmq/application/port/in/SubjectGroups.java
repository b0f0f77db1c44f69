package io.qmq.application.port.in;

import io.qmq.domain.message.Subject;
import java.util.List;

/** A subject and the names of the broker groups it is routed to, in assignment order. */
public record SubjectGroups(Subject subject, List<String> groups) {

    public SubjectGroups {
        groups = List.copyOf(groups);
    }
}
