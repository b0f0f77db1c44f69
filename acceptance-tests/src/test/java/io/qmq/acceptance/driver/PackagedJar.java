package io.qmq.acceptance.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The executable jar child nodes start from, and the guard that it holds the code under test. Bootstrap
 * shades the jar only in its package phase, so {@code mvn -pl acceptance-tests test} (or a {@code mvn test}
 * without package) would start nodes from an old jar while the in-process clients run current code. A jar
 * older than any class compiled from a main module (domain, application, adapters-*, bootstrap) is
 * refused before the first node starts. The classes are walked once per test JVM.
 */
final class PackagedJar {

    /** Where the tests find the jar; acceptance-tests/pom.xml's surefire configuration sets both. */
    private static final String JAR_PROPERTY = "qmq.node.jar";
    private static final String PROJECT_PROPERTY = "qmq.project.dir";
    static final String BUILD_COMMAND = "mvn -pl bootstrap -am package -DskipTests";
    private static final Path CLASSES = Paths.get("target", "classes");

    private static Path checked;

    private PackagedJar() {
    }

    /** The configured jar, once it is known to exist and to be newer than every compiled main class. */
    static synchronized Path checkedOnce() {
        if (checked == null) {
            checked = requireFresh(Paths.get(required(JAR_PROPERTY)), Paths.get(required(PROJECT_PROPERTY)));
        }
        return checked;
    }

    /** {@code jar}, if it exists and no main module of {@code projectDir} has a class file newer than it. */
    static Path requireFresh(Path jar, Path projectDir) {
        Path absolute = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalStateException("the packaged node jar " + absolute + " does not exist; the acceptance"
                    + " tests start nodes from it. Build it from the project root with: " + BUILD_COMMAND);
        }
        FileTime built = modified(absolute);
        newestMainClass(projectDir).filter(newest -> modified(newest).compareTo(built) > 0).ifPresent(newest -> {
            throw new IllegalStateException("the packaged node jar " + absolute + " (built " + built + ") is older"
                    + " than " + newest + " (compiled " + modified(newest) + "): its nodes would run old code while"
                    + " the tests' clients run new code. Rebuild it from the project root with: " + BUILD_COMMAND);
        });
        return absolute;
    }

    /** The most recently modified file under the target/classes of the main modules, if any was compiled. */
    static Optional<Path> newestMainClass(Path projectDir) {
        try (Stream<Path> modules = Files.list(projectDir.toAbsolutePath().normalize())) {
            return modules.filter(PackagedJar::isMainModule)
                    .map(module -> module.resolve(CLASSES))
                    .filter(Files::isDirectory)
                    .flatMap(PackagedJar::files)
                    .max(Comparator.comparing(PackagedJar::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("listing the modules of " + projectDir, e);
        }
    }

    private static boolean isMainModule(Path dir) {
        String name = dir.getFileName().toString();
        return Files.isDirectory(dir) && (name.equals("domain") || name.equals("application")
                || name.equals("bootstrap") || name.startsWith("adapters-"));
    }

    private static Stream<Path> files(Path classes) {
        try (Stream<Path> walk = Files.walk(classes)) {
            return walk.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("walking " + classes, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading when " + file + " was modified", e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: acceptance-tests/pom.xml's"
                    + " surefire configuration sets it (" + JAR_PROPERTY + " names the packaged node jar,"
                    + " bootstrap/target/qmq.jar; " + PROJECT_PROPERTY + " the project root). Run the tests through"
                    + " Maven or pass both with -D");
        }
        return value;
    }
}
