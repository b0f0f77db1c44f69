package io.qmq.acceptance.dsl;

/** What should have come of it. */
public final class Then {

    private final World world;

    Then(World world) {
        this.world = world;
    }

    public GroupExpectations group(String group) {
        return new GroupExpectations(world, group);
    }

    /** What the broker of a broker group stored, read from its metrics. */
    public BrokerGroupExpectations brokerGroup(String group) {
        return new BrokerGroupExpectations(world, group);
    }

    /** The group's backlog in the meta server's consumers listing (a cluster with an admin endpoint). */
    public BacklogExpectations backlogOf(String group) {
        return new BacklogExpectations(world, group);
    }

    /** What the group's dead-letter readers received. */
    public GroupExpectations deadLettersOf(String group) {
        return new GroupExpectations(world, deadLetterReader(group));
    }

    static String deadLetterReader(String group) {
        return group + " dead letters";
    }

    /** Every message acknowledged to {@code subject} reached this one consumer instance. */
    public void consumerReceivesAll(String consumer, String subject) {
        Completeness.awaitAll("consumer " + consumer, world.ledger.keysSentTo(subject),
                () -> world.inbox.keysOfConsumer(consumer));
    }
}
