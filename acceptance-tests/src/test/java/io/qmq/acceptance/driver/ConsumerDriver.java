package io.qmq.acceptance.driver;

/** One running consumer instance. */
public interface ConsumerDriver extends AutoCloseable {

    /** Stops pulling and disconnects; messages it holds un-finished stay un-acknowledged. */
    @Override
    void close();
}
