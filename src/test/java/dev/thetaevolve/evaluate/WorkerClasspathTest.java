package dev.thetaevolve.evaluate;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerClasspathTest {

    @Test
    void location_jarAndDirectoryUrls_becomeEntries() throws Exception {
        assertThat(WorkerClasspath.location(new URL("jar:file:/app/lib/main/janino-3.1.12.jar!/org/codehaus/janino/SimpleCompiler.class"),
                "org/codehaus/janino/SimpleCompiler.class")).isEqualTo(Path.of("/app/lib/main/janino-3.1.12.jar"));
        assertThat(WorkerClasspath.location(new URL("file:/w/target/classes/dev/thetaevolve/evaluate/WorkerMain.class"),
                "dev/thetaevolve/evaluate/WorkerMain.class")).isEqualTo(Path.of("/w/target/classes/"));
    }

    @Test
    void location_otherScheme_isRefusedWithTheUrl() {
        assertThatThrownBy(() -> WorkerClasspath.location(new URL("http://x/y.class"), "y.class"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("http://x/y.class");
    }

    @Test
    void compute_underSurefire_findsEveryNeededEntry() {
        assertThat(WorkerClasspath.compute()).hasSizeGreaterThanOrEqualTo(5).allSatisfy(p -> assertThat(Files.exists(p)).isTrue());
    }
}
