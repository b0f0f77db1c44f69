package io.qmq.bootstrap;

import io.qmq.bootstrap.config.NodeConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a node until the process is told to stop. A shutdown hook closes it, so SIGTERM (or Ctrl-C)
 * stops accepting, answers in-flight sends once their batch is flushed and closes every file.
 */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run a qmq node until stopped.")
final class NodeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(NodeCommand.class);
    /** Exit status of a node that stopped by itself, e.g. a slave whose copy diverged from its master. */
    private static final int EXIT_FAILED = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--mode", required = true, paramLabel = "MODE",
            description = "standalone (meta server and broker in one process), meta, broker or delay.")
    private NodeMode mode;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "Data directory (store.root).")
    private Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "Java properties file of settings.")
    private Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting; wins over the file. Repeatable.")
    private Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        NodeConfig config = NodeConfig.load(dataDir, Optional.ofNullable(configFile), settings);
        QmqNode node = QmqNode.start(mode, config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping qmq node");
            node.close();
            LOG.info("qmq node stopped");
            stopped.countDown();
        }, "qmq-shutdown"));
        String ready = node.readyLine();
        PrintWriter out = spec.commandLine().getOut();
        out.println(ready);
        out.flush();
        LOG.info(ready);
        node.failure().thenRun(stopped::countDown);
        stopped.await();
        if (node.failure().isDone()) {
            LOG.error("qmq node stopped by itself: {}", node.failure().join());
            return EXIT_FAILED;
        }
        return 0;
    }
}
