package io.qmq.acceptance.driver;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line a node prints on stdout once it serves clients:
 * {@code qmq node ready meta=<url> broker=<host:port> metrics=<port>}.
 */
record ReadyLine(String metaServerUrl, String brokerAddress, int metricsPort) {

    private static final Pattern FORMAT =
            Pattern.compile("^qmq node ready meta=(\\S+) broker=(\\S+) metrics=(\\d+)\\s*$");

    static Optional<ReadyLine> parse(String line) {
        Matcher matcher = FORMAT.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ReadyLine(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3))));
    }
}
