package io.qmq.application.port.out;

import io.qmq.application.fixtures.InMemoryPullLog;

class InMemoryPullLogTest extends PullLogContract {

    private InMemoryPullLog current;

    @Override
    protected PullLog open() {
        current = current == null ? new InMemoryPullLog() : current.reopen();
        return current;
    }
}
