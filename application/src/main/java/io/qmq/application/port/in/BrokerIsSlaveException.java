package io.qmq.application.port.in;

/** A client asked a slave for what only its master serves: sends, pulls and acks. */
public class BrokerIsSlaveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokerIsSlaveException(String group) {
        super("this broker is the slave of broker group " + group + ": it serves no clients; "
                + "send to and pull from the group's master");
    }
}
