package io.qmq.acceptance.driver;

/** A running qmq node as clients see it: the one URL they are configured with. */
public interface Node extends AutoCloseable {

    /** The meta server's HTTP discovery URL ({@code http://host:port/meta/address}). */
    String metaServerUrl();

    /** Stops the node cleanly. */
    @Override
    void close();
}
