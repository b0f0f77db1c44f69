package io.qmq.bootstrap;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code qmq} command line: run a node, list the configuration keys, measure a node. */
@Command(name = "qmq", mixinStandardHelpOptions = true, version = "qmq 0.1.0",
        description = "A message queue that speaks QMQ's protocol.",
        subcommands = {NodeCommand.class, ConfigCommand.class, BenchCommand.class, AdminCommand.class})
public final class QmqCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with error handling that shows the reason, not a stack trace, for bad input. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new QmqCommand());
        commandLine.setExecutionExceptionHandler(new StartupErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: node, config, bench or admin");
    }
}
