package io.qmq.acceptance.driver;

/** The client libraries a scenario can run with. */
public enum ClientKind {

    /** The stock QMQ Java client 1.1.43, unchanged. */
    STOCK {
        @Override
        public ClientDriver connect(String metaServerUrl) {
            return new StockClientDriver(metaServerUrl);
        }
    },

    /** Our own Java client (io.qmq.adapters.netty.client). */
    QMQ {
        @Override
        public ClientDriver connect(String metaServerUrl) {
            return new QmqClientDriver(metaServerUrl);
        }
    };

    /** Starts an application using this client against the node behind {@code metaServerUrl}. */
    public abstract ClientDriver connect(String metaServerUrl);
}
