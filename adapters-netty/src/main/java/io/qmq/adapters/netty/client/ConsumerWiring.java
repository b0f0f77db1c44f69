package io.qmq.adapters.netty.client;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** The client's shared parts that every consumer uses. */
record ConsumerWiring(MetaClient meta, BrokerConnections connections, QmqClientConfig config,
                      ScheduledExecutorService timer, SendBack sendBack, Clock clock) {
}
