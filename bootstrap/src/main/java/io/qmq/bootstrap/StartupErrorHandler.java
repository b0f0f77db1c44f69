package io.qmq.bootstrap;

import io.qmq.bootstrap.config.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the errors a user can fix (a bad key or value, an unsupported mode) into one line on stderr
 * and exit code 2; anything else is a bug or an environment failure, shown with its stack trace.
 */
final class StartupErrorHandler implements IExecutionExceptionHandler {

    static final int USAGE_ERROR = 2;
    static final int FAILURE = 1;
    private static final Logger LOG = LoggerFactory.getLogger(StartupErrorHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof ConfigurationException || e instanceof UnsupportedNodeModeException) {
            commandLine.getErr().println("qmq: " + e.getMessage());
            commandLine.getErr().flush();
            return USAGE_ERROR;
        }
        LOG.error("qmq failed", e);
        return FAILURE;
    }
}
