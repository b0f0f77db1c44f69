package io.qmq.application.port.out;

/**
 * {@link BrokerGroupStore#remove} refused: a subject route still names the group. The store checks this
 * atomically with the removal, so a route assigned at the same moment (by another meta server too)
 * either makes the removal fail or fails itself with {@link BrokerGroupMissingException}.
 */
public final class BrokerGroupStillRoutedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String groupName;

    public BrokerGroupStillRoutedException(String groupName, Throwable cause) {
        super("broker group '" + groupName + "' is still named by a subject route", cause);
        this.groupName = groupName;
    }

    public String groupName() {
        return groupName;
    }
}
