package dev.thetaevolve.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST client commands in the packaged jar, as users run them: they boot Quarkus with Hibernate
 * offline, so they answer from a (fake) service and touch no database in the working folder.
 */
class ClientCommandsIT {
    @TempDir
    Path cwd;

    Cli.Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", Cli.JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = cwd.resolve("out.txt");
        Path err = cwd.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("command did not finish: " + String.join(" ", args));
        }
        Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void leaderboard_answersFromTheServiceAndOpensNoDatabase() throws Exception {
        try (FakeService fake = new FakeService().json("GET", "/api/leaderboards/circle_packing_26", 200, LeaderboardCommandTest.BOARD)) {
            Cli.Result r = run("leaderboard", "--problem", "circle_packing_26", "--server", fake.url());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("circle_packing_26 (maximize)", "run 3 / program 41");
        }
        try (var files = Files.list(cwd)) {
            assertThat(files).as("files the command left in its working folder").isEmpty();
        }
    }

    @Test
    void leaderboard_serverDownExits2() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli.Result r = run("leaderboard", "--problem", "p", "--server", "http://127.0.0.1:" + port);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).endsWith("error: cannot reach the server at http://127.0.0.1:" + port
                + "/ (connection refused); start it with `thetaevolve serve` or pass --server URL");
    }
}
