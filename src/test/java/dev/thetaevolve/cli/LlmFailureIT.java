package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.llm.OpenAiTestServer;
import dev.thetaevolve.llm.OpenAiTestServer.Reply;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * `run --mutator llm` through the packaged jar against loopback servers that fail: the run says why it
 * stopped (status line, --json status, exit code), failed samples are counted by cause, and Ctrl-C stops
 * after the step in flight with one line.
 */
class LlmFailureIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = """
            <<<<<<< SEARCH
                    double radius = 0.037;
            =======
                    double radius = 0.039;
            >>>>>>> REPLACE
            """;

    private static List<String> llm(String url, String db, String name, String... more) {
        // construct mode: GOOD edits the construct seed's radius (search mode would not apply it)
        List<String> args = new java.util.ArrayList<>(List.of("run", "--problem", "circle_packing_26", "--mode", "construct", "--mutator", "llm",
                "--llm-url", url, "--llm-model", "test-model", "--parents", "2", "--samples", "2", "--workers", "1",
                "--db", db, "--run", name));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void run_whoseEveryRequestFails_stopsFailedWithTheCauseAndExits1() throws Exception {
        try (var server = OpenAiTestServer.sequence(Reply.status(401))) {
            String db = Cli.freshDb("fail");
            String name = "fail-" + System.nanoTime();
            Cli.Result r = Cli.run(llm(server.baseUrl(), db, name, "--steps", "5", "--json").toArray(String[]::new));

            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            JsonNode j = JSON.readTree(r.lastLine());
            assertThat(j.get("status").asText()).isEqualTo("FAILED");
            assertThat(j.get("message").asText()).contains("no sample arrived in step 1", "HTTP 401");
            assertThat(j.get("steps").asInt()).isEqualTo(1);
            assertThat(j.get("sampleFailures").asInt()).isEqualTo(4);
            assertThat(r.err()).contains("run " + name + " FAILED: no sample arrived").contains("resume --run " + name)
                    .contains("WARN").contains("CLIENT_ERROR (HTTP 401)");
            assertThat(server.requests).hasSize(2); // one n = 2 request per parent, nothing after the failed step

            JsonNode counts = JSON.readTree(Cli.run("programs", "--run", name, "--db", db, "--json").lastLine());
            assertThat(counts.get("sampleFailed").asInt()).isEqualTo(4);
            assertThat(counts.get("sampleFailures").get("CLIENT_ERROR").asInt()).isEqualTo(4);
            assertThat(counts.get("errors").get("SAMPLE_FAILED").asInt()).isEqualTo(4);
        }
    }

    @Test
    void run_againstAHungServer_timesOutPerLlmTimeoutAndFails() throws Exception {
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(GOOD)).slow(30_000))) {
            long t0 = System.nanoTime();
            Cli.Result r = Cli.run(llm(server.baseUrl(), Cli.freshDb("hung"), "hung-" + System.nanoTime(), "--steps", "3",
                    "--llm-timeout", "2s", "--json").toArray(String[]::new));

            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            JsonNode j = JSON.readTree(r.lastLine());
            assertThat(j.get("status").asText()).isEqualTo("FAILED");
            assertThat(j.get("message").asText()).contains("TIMEOUT", "within 2s", "--llm-timeout");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(60);
        }
        Cli.Result bad = Cli.run("run", "--problem", "circle_packing_26", "--mutator", "llm", "--llm-url", "http://127.0.0.1:9/v1",
                "--llm-model", "m", "--llm-timeout", "soon", "--db", Cli.freshDb("badtimeout"));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip().lines().reduce((x, y) -> y).orElse(""))
                .isEqualTo("error: --llm-timeout must be a duration > 0 such as 300, 90s, 5m or 1h, got 'soon'");
        assertThat(bad.err()).doesNotContain("Exception");
    }

    @Test
    void run_whoseTokenBudgetIsSpent_saysBudgetExhausted() throws Exception {
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(
                Collections.nCopies(Math.max(1, r.body().path("n").asInt(1)), GOOD), 900, 600)))) {
            String name = "budget-" + System.nanoTime();
            Cli.Result r = Cli.run(llm(server.baseUrl(), Cli.freshDb("budget"), name, "--steps", "10", "--llm-token-budget", "3000")
                    .toArray(String[]::new));

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("run " + name + " BUDGET_EXHAUSTED: the LLM token or cost budget is spent");
            assertThat(r.lastLine()).startsWith("best strict score: ");
        }
    }

    @Test
    void ctrlC_stopsAfterTheStepInFlightWithOneLineAndTheRunResumes() throws Exception {
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(
                Collections.nCopies(Math.max(1, r.body().path("n").asInt(1)), GOOD), 900, 600)).after(1500))) {
            String db = Cli.freshDb("ctrlc");
            String name = "ctrlc-" + System.nanoTime();
            Path out = Files.createTempFile("ctrlc", ".out");
            Path err = Files.createTempFile("ctrlc", ".err");
            ProcessBuilder pb = Cli.builder(llm(server.baseUrl(), db, name, "--steps", "5"));
            // a job started in the background of a non-interactive shell (CI, `mvn … &`) inherits SIGINT
            // ignored, and a JVM never un-ignores it: give the CLI the default disposition, as a terminal does
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/perl")), "needs perl to reset SIGINT");
            List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!"));
            cmd.addAll(pb.command());
            Process p = pb.command(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            await("step 1 printed").atMost(3, TimeUnit.MINUTES).until(() -> !p.isAlive() || Files.readString(out).contains("step 1 |"));
            assertThat(Files.readString(out)).as(Files.readString(err)).contains("step 1 |");
            int before = server.requests.size();
            await("the next step in flight").atMost(3, TimeUnit.MINUTES).pollInterval(java.time.Duration.ofMillis(20))
                    .until(() -> server.requests.size() > before);
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();

            String stdout = Files.readString(out);
            String stderr = Files.readString(err);
            assertThat(p.exitValue()).as(stderr).isEqualTo(130);
            assertThat(stderr.lines().filter(l -> l.contains("stopping after the step in flight"))).hasSize(1);
            assertThat(stderr).contains("resume --run " + name).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(stdout).contains("run " + name + " STOPPED");
            JsonNode counts = JSON.readTree(Cli.run("programs", "--run", name, "--db", db, "--json").lastLine());
            int committed = counts.get("committedSteps").asInt();
            assertThat(committed).isBetween(2, 3); // the step in flight at Ctrl-C was committed, no later one started
            assertThat(counts.get("programs").asInt()).isEqualTo(1 + committed * 4);

            // a plain resume completes the run's budget of 5 steps
            Cli.Result resumed = Cli.run("resume", "--run", name, "--db", db, "--json");
            assertThat(resumed.exit()).as(resumed.err()).isZero();
            JsonNode j = JSON.readTree(resumed.lastLine());
            assertThat(j.get("status").asText()).isEqualTo("FINISHED");
            assertThat(j.get("steps").asInt()).isEqualTo(5);
        }
    }
}
