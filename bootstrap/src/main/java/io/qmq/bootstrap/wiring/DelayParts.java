package io.qmq.bootstrap.wiring;

import io.qmq.adapters.netty.BrokerServer;
import io.qmq.application.port.in.InspectSchedulesUseCase;
import io.qmq.application.port.out.MessageForwarder;
import io.qmq.application.port.out.ScheduleStore;
import io.qmq.application.service.DelayTimer;

/**
 * What a component with a delay server hands the node (standalone, or a delay node alone); each part
 * is built when first asked for, so the node decides the order.
 */
public interface DelayParts {

    ScheduleStore scheduleStore();

    MessageForwarder messageForwarder();

    DelayThreads delayThreads();

    DelayTimer delayTimer();

    @DelayServer
    BrokerServer delayServer();

    InspectSchedulesUseCase inspectSchedules();
}
