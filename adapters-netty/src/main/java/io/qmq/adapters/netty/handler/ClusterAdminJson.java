package io.qmq.adapters.netty.handler;

import io.qmq.application.port.in.BrokerGroupView;
import io.qmq.application.port.in.ConsumerGroupBacklog;
import io.qmq.application.port.in.ConsumerGroupView;
import io.qmq.application.port.in.SubjectGroups;
import java.util.List;
import java.util.stream.Collectors;

/** The JSON shapes of the cluster admin answers. */
final class ClusterAdminJson {

    private ClusterAdminJson() {
    }

    static String groups(List<BrokerGroupView> groups) {
        return "{\"groups\":[" + groups.stream().map(ClusterAdminJson::groupObject).collect(Collectors.joining(",")) + "]}\n";
    }

    static String group(BrokerGroupView view) {
        return groupObject(view) + "\n";
    }

    private static String groupObject(BrokerGroupView view) {
        return "{\"name\":" + AdminQuery.json(view.group().name())
                + ",\"kind\":" + AdminQuery.json(view.group().kind().name())
                + ",\"address\":" + AdminQuery.json(view.group().masterAddress())
                + ",\"state\":" + AdminQuery.json(view.group().state().name())
                + ",\"readOnly\":" + view.readOnly()
                + ",\"updatedAt\":" + view.group().updatedAt()
                + ",\"slave\":" + view.slave().map(s -> "{\"address\":" + AdminQuery.json(s.address())
                        + ",\"state\":" + AdminQuery.json(s.state().name()) + ",\"updatedAt\":" + s.updatedAt() + "}")
                        .orElse("null") + "}";
    }

    static String subjects(List<SubjectGroups> subjects) {
        return "{\"subjects\":[" + subjects.stream().map(ClusterAdminJson::subjectObject).collect(Collectors.joining(",")) + "]}\n";
    }

    static String subject(SubjectGroups subject) {
        return subjectObject(subject) + "\n";
    }

    private static String subjectObject(SubjectGroups subject) {
        return "{\"subject\":" + AdminQuery.json(subject.subject().name()) + ",\"groups\":" + strings(subject.groups()) + "}";
    }

    static String consumerGroups(List<ConsumerGroupView> groups) {
        return "{\"consumerGroups\":[" + groups.stream().map(ClusterAdminJson::consumerGroupObject)
                .collect(Collectors.joining(",")) + "]}\n";
    }

    private static String consumerGroupObject(ConsumerGroupView group) {
        String consumers = group.consumers().stream().map(c -> "{\"clientId\":" + AdminQuery.json(c.clientId())
                + ",\"appCode\":" + AdminQuery.json(c.appCode()) + ",\"lastSeenAt\":" + c.lastSeenAt()
                + ",\"online\":" + c.online() + "}").collect(Collectors.joining(","));
        return "{\"subject\":" + AdminQuery.json(group.subject().name()) + ",\"consumerGroup\":"
                + AdminQuery.json(group.consumerGroup()) + ",\"consumers\":[" + consumers + "],\"backlog\":"
                + backlogObject(group.backlog()) + "}";
    }

    /** Sums over the broker groups whose share is known; complete says whether that is all of them. */
    private static String backlogObject(ConsumerGroupBacklog backlog) {
        String shares = backlog.shares().stream().map(ClusterAdminJson::shareObject).collect(Collectors.joining(","));
        String oldest = backlog.oldestReportAgeMillis().isPresent()
                ? Long.toString(backlog.oldestReportAgeMillis().getAsLong()) : "null";
        return "{\"undelivered\":" + backlog.undelivered() + ",\"unacknowledged\":" + backlog.unacknowledged()
                + ",\"retryUndelivered\":" + backlog.retryUndelivered()
                + ",\"retryUnacknowledged\":" + backlog.retryUnacknowledged()
                + ",\"complete\":" + backlog.complete() + ",\"oldestReportAgeMillis\":" + oldest
                + ",\"brokerGroups\":[" + shares + "]}";
    }

    private static String shareObject(ConsumerGroupBacklog.Share share) {
        String name = "{\"name\":" + AdminQuery.json(share.brokerGroup()) + ",\"known\":" + share.known();
        if (!share.known()) {
            return name + "}";
        }
        return name + ",\"reportedAt\":" + share.reportedAt() + ",\"ageMillis\":" + share.ageMillis()
                + ",\"undelivered\":" + share.undelivered() + ",\"unacknowledged\":" + share.unacknowledged()
                + ",\"retryUndelivered\":" + share.retryUndelivered()
                + ",\"retryUnacknowledged\":" + share.retryUnacknowledged() + "}";
    }

    private static String strings(List<String> values) {
        return "[" + values.stream().map(AdminQuery::json).collect(Collectors.joining(",")) + "]";
    }
}
