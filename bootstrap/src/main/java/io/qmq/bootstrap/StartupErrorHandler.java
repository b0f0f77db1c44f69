package io.qmq.bootstrap;

import io.qmq.adapters.netty.ServerStartException;
import io.qmq.bootstrap.config.ConfigurationException;
import io.qmq.bootstrap.wiring.UnknownStoreKindException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns errors a user can fix into one line on stderr: a bad key or value, an unsupported mode or
 * store (exit 2), a port that is taken (exit 1). Anything else is a bug or an environment failure,
 * logged with its stack trace.
 */
final class StartupErrorHandler implements IExecutionExceptionHandler {

    static final int USAGE_ERROR = 2;
    static final int FAILURE = 1;
    private static final Logger LOG = LoggerFactory.getLogger(StartupErrorHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof ConfigurationException || e instanceof UnsupportedNodeModeException
                || e instanceof UnknownStoreKindException) {
            return report(commandLine, e.getMessage(), USAGE_ERROR);
        }
        if (e instanceof ServerStartException || e instanceof UncheckedIOException) {
            LOG.debug("start-up failed", e);
            String cause = e.getCause() == null ? "" : ": " + e.getCause().getMessage();
            return report(commandLine, e.getMessage() + cause, FAILURE);
        }
        LOG.error("qmq failed", e);
        return FAILURE;
    }

    private static int report(CommandLine commandLine, String message, int exitCode) {
        commandLine.getErr().println("qmq: " + message);
        commandLine.getErr().flush();
        return exitCode;
    }
}
