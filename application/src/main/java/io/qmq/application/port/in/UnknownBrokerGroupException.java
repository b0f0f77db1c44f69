package io.qmq.application.port.in;

/** An operator named a broker group the meta server does not know. */
public final class UnknownBrokerGroupException extends RuntimeException {

    private final String groupName;

    public UnknownBrokerGroupException(String groupName) {
        super("unknown broker group '" + groupName + "'");
        this.groupName = groupName;
    }

    public String groupName() {
        return groupName;
    }
}
