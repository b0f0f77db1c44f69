package io.qmq.acceptance.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagedJarTest {

    private static final Instant BUILT = Instant.parse("2026-01-10T12:00:00Z");

    @TempDir
    Path project;

    @Test
    void aJarNewerThanEveryMainClassIsAccepted() throws IOException {
        Path jar = file("bootstrap/target/qmq.jar", BUILT);
        file("domain/target/classes/io/qmq/domain/A.class", BUILT.minusSeconds(60));
        file("bootstrap/target/classes/io/qmq/bootstrap/B.class", BUILT.minusSeconds(1));

        assertThat(PackagedJar.requireFresh(jar, project)).isEqualTo(jar.toAbsolutePath().normalize());
    }

    @Test
    void aJarOlderThanAClassOfAnyMainModuleIsRefusedNamingItAndTheBuild() throws IOException {
        Path jar = file("bootstrap/target/qmq.jar", BUILT);
        file("domain/target/classes/io/qmq/domain/A.class", BUILT.minusSeconds(60));
        Path changed = file("adapters-netty/target/classes/io/qmq/adapters/netty/C.class", BUILT.plusSeconds(5));

        assertThatThrownBy(() -> PackagedJar.requireFresh(jar, project))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(jar.toAbsolutePath().normalize().toString())
                .hasMessageContaining(changed.toString())
                .hasMessageContaining(PackagedJar.BUILD_COMMAND);
    }

    @Test
    void classesOutsideTheMainModulesAndTestClassesDoNotCount() throws IOException {
        Path jar = file("bootstrap/target/qmq.jar", BUILT);
        file("application/target/classes/io/qmq/application/A.class", BUILT.minusSeconds(60));
        file("acceptance-tests/target/classes/io/qmq/acceptance/T.class", BUILT.plusSeconds(60));
        file("application/target/test-classes/io/qmq/application/T.class", BUILT.plusSeconds(60));

        assertThat(PackagedJar.newestMainClass(project)).contains(
                project.resolve("application/target/classes/io/qmq/application/A.class"));
        assertThat(PackagedJar.requireFresh(jar, project)).isNotNull();
    }

    @Test
    void aMissingJarIsRefusedNamingTheBuild() {
        assertThatThrownBy(() -> PackagedJar.requireFresh(project.resolve("bootstrap/target/qmq.jar"), project))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining(PackagedJar.BUILD_COMMAND);
    }

    private Path file(String relative, Instant modified) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
