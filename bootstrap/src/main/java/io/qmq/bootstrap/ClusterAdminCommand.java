package io.qmq.bootstrap;

import io.qmq.bootstrap.admin.AdminEndpoint;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qmq admin cluster ...}: the meta server's broker groups, subjects and consumers. */
@Command(name = "cluster", mixinStandardHelpOptions = true, description = "Broker groups, subjects and consumers (meta server).")
final class ClusterAdminCommand {

    @CommandLine.ParentCommand
    private AdminCommand admin;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Command(name = "groups", description = "List broker groups with kind, address, state and read-only mark.")
    int groups() {
        return admin.call(spec, endpoint -> endpoint.get("/cluster/groups"));
    }

    @Command(name = "subjects", description = "List subjects with the broker groups they are routed to.")
    int subjects() {
        return admin.call(spec, endpoint -> endpoint.get("/cluster/subjects"));
    }

    @Command(name = "assign", description = "Route a subject to exactly these realtime groups (assign or move it).")
    int assign(@Parameters(index = "0", paramLabel = "SUBJECT") String subject,
               @Parameters(index = "1..*", arity = "1..*", paramLabel = "GROUP") List<String> groups) {
        String query = "/cluster/subjects/" + AdminEndpoint.encode(subject) + "?groups="
                + AdminEndpoint.encode(String.join(",", groups));
        return admin.call(spec, endpoint -> endpoint.put(query));
    }

    @Command(name = "readonly", description = "Mark a group read-only: no new sends, its backlog is still consumed.")
    int readOnly(@Parameters(paramLabel = "GROUP") String group) {
        return admin.call(spec, endpoint -> endpoint.post("/cluster/groups/" + AdminEndpoint.encode(group) + "/readonly"));
    }

    @Command(name = "writable", description = "Clear a group's read-only mark.")
    int writable(@Parameters(paramLabel = "GROUP") String group) {
        return admin.call(spec, endpoint -> endpoint.post("/cluster/groups/" + AdminEndpoint.encode(group) + "/writable"));
    }

    @Command(name = "consumers", description = "List consumer groups with their consumers and online state.")
    int consumers(@Option(names = "--subject", description = "Only this subject; default: every assigned subject") String subject) {
        String query = subject == null ? "/cluster/consumers" : "/cluster/consumers?subject=" + AdminEndpoint.encode(subject);
        return admin.call(spec, endpoint -> endpoint.get(query));
    }

    @Command(name = "register", description = "Register a broker group by hand (brokers normally register themselves).")
    int register(@Parameters(index = "0", paramLabel = "GROUP") String group,
                 @Parameters(index = "1", paramLabel = "HOST:PORT") String address,
                 @Option(names = "--kind", defaultValue = "realtime", description = "realtime or delay (default: ${DEFAULT-VALUE})") String kind) {
        String query = "/cluster/groups?name=" + AdminEndpoint.encode(group) + "&address=" + AdminEndpoint.encode(address)
                + "&kind=" + AdminEndpoint.encode(kind);
        return admin.call(spec, endpoint -> endpoint.post(query));
    }

    @Command(name = "remove", description = "Remove a broker group no subject is routed to any more.")
    int remove(@Parameters(paramLabel = "GROUP") String group) {
        return admin.call(spec, endpoint -> endpoint.delete("/cluster/groups/" + AdminEndpoint.encode(group)));
    }
}
