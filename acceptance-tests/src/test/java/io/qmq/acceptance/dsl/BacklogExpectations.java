package io.qmq.acceptance.dsl;

import static org.awaitility.Awaitility.await;

import io.qmq.acceptance.driver.ClusterDriver;
import io.qmq.bootstrap.admin.AdminEndpoint;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A consumer group's backlog as an operator sees it: the meta server's consumers listing, which sums
 * what every broker group last reported (brokers report with each heartbeat).
 */
public final class BacklogExpectations {

    private static final Pattern BACKLOG = Pattern.compile(
            "\"backlog\":\\{\"undelivered\":(\\d+),\"unacknowledged\":(\\d+),\"retryUndelivered\":(\\d+),"
                    + "\"retryUnacknowledged\":(\\d+),\"complete\":(true|false),");

    private record Backlog(long total, boolean complete) {
    }

    private final World world;
    private final String group;

    BacklogExpectations(World world, String group) {
        this.world = world;
        this.group = group;
    }

    /** Every broker group of the subject has reported, and messages wait for the group or are held by it. */
    public void showsABacklogIn(String subject) {
        await(group + " listed with a backlog of " + subject).atMost(Patience.SUBSCRIBING).pollInterval(Patience.POLL)
                .until(() -> listed(subject).filter(b -> b.complete() && b.total() > 0).isPresent());
    }

    /** Every broker group of the subject has reported that nothing waits for the group any more. */
    public void showsNoBacklogIn(String subject) {
        await(group + " listed with no backlog of " + subject).atMost(Patience.SUBSCRIBING).pollInterval(Patience.POLL)
                .until(() -> listed(subject).filter(b -> b.complete() && b.total() == 0).isPresent());
    }

    private Optional<Backlog> listed(String subject) {
        String answer = new AdminEndpoint(URI.create(world.cluster().adminUrl()), ClusterDriver.ADMIN_TOKEN)
                .get("/cluster/consumers?subject=" + AdminEndpoint.encode(world.names.subject(subject)));
        int at = answer.indexOf("\"consumerGroup\":\"" + world.names.group(group) + "\"");
        if (at < 0) {
            return Optional.empty();
        }
        Matcher backlog = BACKLOG.matcher(answer);
        if (!backlog.find(at)) {
            return Optional.empty();
        }
        long total = 0;
        for (int count = 1; count <= 4; count++) {
            total += Long.parseLong(backlog.group(count));
        }
        return Optional.of(new Backlog(total, Boolean.parseBoolean(backlog.group(5))));
    }
}
