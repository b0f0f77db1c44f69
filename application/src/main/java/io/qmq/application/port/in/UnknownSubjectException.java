package io.qmq.application.port.in;

import io.qmq.domain.message.Subject;

/** An operator named a subject that is assigned to no broker group. */
public final class UnknownSubjectException extends RuntimeException {

    public UnknownSubjectException(Subject subject) {
        super("unknown subject '" + subject.name() + "': it is assigned to no broker group");
    }
}
