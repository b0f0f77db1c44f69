package io.qmq.acceptance.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One acceptance scenario: register it as a field with {@code @RegisterExtension} and use its
 * {@link #given()}, {@link #when()} and {@link #then()}. Each test gets its own run directory under
 * {@code target/acceptance-runs} (node data and child-process logs, kept for diagnosis), and
 * everything it started is stopped after it.
 */
public final class Scenario implements AfterEachCallback {

    private final World world;
    private final Given given;
    private final When when;
    private final Then then;

    public Scenario() {
        this.world = new World(newRunDir());
        this.given = new Given(world);
        this.when = new When(world);
        this.then = new Then(world);
    }

    public Given given() {
        return given;
    }

    public When when() {
        return when;
    }

    public Then then() {
        return then;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        world.close();
    }

    private static Path newRunDir() {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("java.io.tmpdir")),
                "target", "acceptance-runs");
        try {
            return Files.createDirectories(base.resolve(UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("creating a run directory under " + base, e);
        }
    }
}
