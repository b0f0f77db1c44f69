package io.qmq.adapters.netty.handler;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.qmq.application.port.in.AdministerClusterUseCase;
import io.qmq.domain.cluster.BrokerGroup;
import io.qmq.domain.cluster.BrokerGroupKind;
import io.qmq.domain.cluster.BrokerState;
import io.qmq.domain.message.Subject;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The meta server's {@code /cluster/...} admin requests (documented on {@code AdminHttpServer}): parses
 * the path and query, calls the use case and renders the answer with {@link ClusterAdminJson}. Failures
 * travel as the use case's exceptions; the handler maps them to HTTP statuses.
 */
final class ClusterAdminRequests {

    static final String PREFIX = "/cluster/";
    private static final String GROUPS = "/cluster/groups";
    private static final String SUBJECTS = "/cluster/subjects";
    private static final String CONSUMERS = "/cluster/consumers";

    private final AdministerClusterUseCase cluster;
    private final Clock clock;

    ClusterAdminRequests(AdministerClusterUseCase cluster, Clock clock) {
        this.cluster = cluster;
        this.clock = clock;
    }

    /** The answer, or empty when no cluster request has this method and path. */
    Optional<AdminAnswer> answer(HttpMethod method, QueryStringDecoder uri) {
        String path = uri.path();
        if (path.equals(GROUPS)) {
            return groups(method, uri);
        }
        if (path.startsWith(GROUPS + "/")) {
            return group(method, path.substring(GROUPS.length() + 1));
        }
        if (path.equals(SUBJECTS) && method.equals(HttpMethod.GET)) {
            return ok(ClusterAdminJson.subjects(cluster.subjects()));
        }
        if (path.startsWith(SUBJECTS + "/") && method.equals(HttpMethod.PUT)) {
            return assign(decoded(path.substring(SUBJECTS.length() + 1)), uri);
        }
        if (path.equals(CONSUMERS) && method.equals(HttpMethod.GET)) {
            Optional<Subject> subject = AdminQuery.optional(uri, "subject").map(Subject::of);
            return ok(ClusterAdminJson.consumerGroups(cluster.consumerGroups(subject)));
        }
        return Optional.empty();
    }

    private Optional<AdminAnswer> groups(HttpMethod method, QueryStringDecoder uri) {
        if (method.equals(HttpMethod.GET)) {
            return ok(ClusterAdminJson.groups(cluster.brokerGroups()));
        }
        if (method.equals(HttpMethod.POST)) {
            BrokerGroupKind kind = AdminQuery.optional(uri, "kind").map(ClusterAdminRequests::kind).orElse(BrokerGroupKind.REALTIME);
            BrokerGroup group = new BrokerGroup(AdminQuery.required(uri, "name"), kind, AdminQuery.required(uri, "address"),
                    BrokerState.READ_WRITE, clock.millis());
            return ok(ClusterAdminJson.group(cluster.register(group)));
        }
        return Optional.empty();
    }

    private Optional<AdminAnswer> group(HttpMethod method, String rest) {
        int slash = rest.indexOf('/');
        String name = decoded(slash < 0 ? rest : rest.substring(0, slash));
        String action = slash < 0 ? "" : rest.substring(slash + 1);
        if (action.isEmpty() && method.equals(HttpMethod.DELETE)) {
            cluster.remove(name);
            return ok("{\"removed\":" + AdminQuery.json(name) + "}\n");
        }
        if (method.equals(HttpMethod.POST) && (action.equals("readonly") || action.equals("writable"))) {
            return ok(ClusterAdminJson.group(cluster.markReadOnly(name, action.equals("readonly"))));
        }
        return Optional.empty();
    }

    private Optional<AdminAnswer> assign(String subject, QueryStringDecoder uri) {
        List<String> groups = Arrays.stream(AdminQuery.required(uri, "groups").split(","))
                .map(String::trim).filter(g -> !g.isEmpty()).toList();
        return ok(ClusterAdminJson.subject(cluster.assign(Subject.of(subject), groups)));
    }

    private static BrokerGroupKind kind(String text) {
        try {
            return BrokerGroupKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("query parameter 'kind' must be realtime or delay, got '" + text + "'", e);
        }
    }

    private static String decoded(String component) {
        if (component.isEmpty()) {
            throw new IllegalArgumentException("the request path names no group or subject");
        }
        return QueryStringDecoder.decodeComponent(component);
    }

    private static Optional<AdminAnswer> ok(String json) {
        return Optional.of(new AdminAnswer(HttpResponseStatus.OK, json));
    }
}
