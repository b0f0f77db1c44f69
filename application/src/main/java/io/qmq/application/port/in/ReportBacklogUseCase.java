package io.qmq.application.port.in;

import java.util.List;

/** How far each subscription lags behind its subject. */
public interface ReportBacklogUseCase {

    List<Backlog> backlogs();
}
