package io.qmq.bootstrap;

import io.qmq.bootstrap.admin.AdminEndpoint;
import io.qmq.bootstrap.admin.AdminRequestException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Operator commands against a node's admin endpoint: {@code delay} on delay nodes, {@code cluster} on
 * meta servers (both on a standalone node), each a subcommand that reuses {@link AdminEndpoint}. Exit code 0 on success, 1 when the node answered an error or was not
 * reachable (the reason goes to stderr).
 */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Operate a running node.",
        subcommands = {AdminCommand.Delay.class, ClusterAdminCommand.class})
final class AdminCommand implements Runnable {

    static final int FAILED = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            description = "The node's admin endpoint, e.g. http://127.0.0.1:20802 (admin.port).")
    private URI server;

    @Option(names = "--token", required = true, paramLabel = "TOKEN", scope = CommandLine.ScopeType.INHERIT,
            description = "The node's admin.token.")
    private String token;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: delay or cluster");
    }

    /** Runs one request; prints the answer, or the reason it failed. */
    int call(CommandLine.Model.CommandSpec command, Function<AdminEndpoint, String> request) {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try {
            out.print(request.apply(new AdminEndpoint(server, token)));
            out.flush();
            return 0;
        } catch (AdminRequestException e) {
            err.println("qmq admin: " + e.getMessage());
            err.flush();
            return FAILED;
        }
    }

    /** Pending delayed messages: count, show and cancel. */
    @Command(name = "delay", mixinStandardHelpOptions = true, description = "Pending delayed messages.")
    static final class Delay {

        @CommandLine.ParentCommand
        private AdminCommand admin;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Command(name = "count", description = "Count pending messages of a subject due in [from, to).")
        int count(@Option(names = "--subject", required = true) String subject,
                  @Option(names = "--from", description = "ISO-8601 instant or epoch ms; default: the beginning") String from,
                  @Option(names = "--to", description = "ISO-8601 instant or epoch ms; default: no end") String to) {
            StringBuilder query = new StringBuilder("/delay/pending/count?subject=").append(AdminEndpoint.encode(subject));
            if (from != null) {
                query.append("&from=").append(AdminEndpoint.encode(from));
            }
            if (to != null) {
                query.append("&to=").append(AdminEndpoint.encode(to));
            }
            return admin.call(spec, endpoint -> endpoint.get(query.toString()));
        }

        @Command(name = "show", description = "Show the pending messages with a message id.")
        int show(@Parameters(paramLabel = "ID") String id) {
            return admin.call(spec, endpoint -> endpoint.get("/delay/messages/" + AdminEndpoint.encode(id)));
        }

        @Command(name = "cancel", description = "Cancel the pending messages with a message id.")
        int cancel(@Parameters(paramLabel = "ID") String id) {
            return admin.call(spec, endpoint -> endpoint.delete("/delay/messages/" + AdminEndpoint.encode(id)));
        }
    }
}
