package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.llm.OpenAiTestServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** `run --mutator llm` through the packaged jar against an OpenAI-compatible server of our own on loopback. */
class LlmRunIT {
    private static final String KEY = "sk-test-5f1c7d0e-never-stored";
    private static final String GOOD = """
            The radius can grow: the grid spacing leaves room.
            <<<<<<< SEARCH
                    double radius = 0.037;
            =======
                    double radius = 0.041;
            >>>>>>> REPLACE
            """;
    private static final String UNMATCHED = """
            <<<<<<< SEARCH
                    double radius = 0.5; // not in the parent
            =======
                    double radius = 0.6;
            >>>>>>> REPLACE
            """;
    private static final String MALFORMED = "<<<<<<< SEARCH\n        int n = 26;\n>>>>>>> REPLACE\n";

    @Test
    void run_llmMutator_appliesDiffsAndKeepsTheKeyOutOfTheStore() throws Exception {
        try (OpenAiTestServer server = OpenAiTestServer.start(r -> {
            int n = Math.max(1, r.body().path("n").asInt(1));
            List<String> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(switch (i % 4) {
                    case 0 -> OpenAiTestServer.withReasoning(30, GOOD);
                    case 1 -> UNMATCHED;
                    case 2 -> MALFORMED;
                    default -> "I would rather not change anything.";
                });
            }
            return OpenAiTestServer.Reply.ok(OpenAiTestServer.chat(answers, 900, 400 * n));
        })) {
            String base = Cli.freshDb("llm");
            // uncompressed pages, so a search of the file's bytes for the key means something
            String db = base.startsWith("jdbc:") ? base : "jdbc:h2:file:" + Path.of(base).toAbsolutePath() + ";AUTO_SERVER=TRUE";
            String name = "llm-" + System.nanoTime();
            ProcessBuilder pb = Cli.builder(List.of("run", "--problem", "circle_packing_26", "--mode", "construct", "--mutator", "llm",
                    "--llm-url", server.baseUrl(), "--llm-model", "test-model", "--llm-key-env", "TE_TEST_KEY",
                    "--steps", "2", "--parents", "2", "--samples", "4", "--db", db, "--run", name, "--json"));
            pb.environment().put("TE_TEST_KEY", KEY);
            Path out = Files.createTempFile("llm", ".out");
            Path err = Files.createTempFile("llm", ".err");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String stdout = Files.readString(out);
            String stderr = Files.readString(err);
            assertThat(p.exitValue()).as(stderr).isZero();
            String[] lines = stdout.strip().split("\n");
            JsonNode j = new ObjectMapper().readTree(lines[lines.length - 1]);
            assertThat(j.get("steps").asInt()).isEqualTo(2);
            assertThat(j.get("best").get("score").asDouble()).isEqualTo(26 * 0.041, org.assertj.core.data.Offset.offset(1e-9));

            assertThat(server.requests).isNotEmpty();
            assertThat(server.requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + KEY));
            assertThat(server.requests.peek().body().path("n").asInt()).isEqualTo(4);
            assertThat(server.requests.peek().body().toString()).contains("0.962"); // the parent's score, full precision

            JsonNode counts = new ObjectMapper().readTree(Cli.run("programs", "--run", name, "--db", db, "--json").lastLine());
            assertThat(counts.get("programs").asLong()).isEqualTo(1 + 2 * 2 * 4);
            assertThat(counts.get("noDiff").asLong()).isGreaterThanOrEqualTo(2 * 2 * 3 - 2);
            assertThat(stderr).doesNotContain(KEY);
            assertThat(stdout).doesNotContain(KEY);
            if (!base.startsWith("jdbc:")) {
                byte[] file = Files.readAllBytes(Path.of(base + ".mv.db"));
                assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain(KEY).contains("TE_TEST_KEY");
            }
        }
    }

    @Test
    void run_withTrainerBridge_postsGroupsThenReloadsWeightsEachStep() throws Exception {
        List<String> calls = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<String> bodies = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        com.sun.net.httpserver.HttpServer side = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        side.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String step = ex.getRequestHeaders().getFirst("X-Thetaevolve-Step");
            calls.add(ex.getRequestURI().getPath() + (step == null ? "" : "#" + step));
            bodies.add(body);
            byte[] answer = ex.getRequestURI().getPath().equals("/train")
                    ? ("{\"weights_path\":\"/w/step-" + step + "\"}").getBytes(StandardCharsets.UTF_8) : "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        side.start();
        String sideUrl = "http://127.0.0.1:" + side.getAddress().getPort();
        try (OpenAiTestServer server = OpenAiTestServer.start(r -> {
            int n = Math.max(1, r.body().path("n").asInt(1));
            List<String> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) answers.add(i % 2 == 0 ? GOOD : UNMATCHED);
            return OpenAiTestServer.Reply.ok(OpenAiTestServer.chat(answers, 900, 400 * n));
        })) {
            String db = Cli.freshDb("bridge");
            Cli.Result r = Cli.run("run", "--problem", "circle_packing_26", "--mode", "construct", "--mutator", "llm", "--llm-url", server.baseUrl(),
                    "--llm-model", "test-model", "--steps", "2", "--parents", "2", "--samples", "2", "--db", db,
                    "--run", "bridge-" + System.nanoTime(), "--trainer-url", sideUrl + "/train", "--reload", "vllm",
                    "--reload-url", sideUrl, "--adapter", "cp26-{step}", "--weights-path", "/fallback/{step}", "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(calls).containsExactly("/train#1", "/v1/load_lora_adapter", "/train#2", "/v1/load_lora_adapter");
            String[] groups = bodies.get(0).strip().split("\n");
            assertThat(groups).hasSize(1); // both parents of step 1 are the seed: one GRPO group of 4 samples
            JsonNode g = new ObjectMapper().readTree(groups[0]);
            assertThat(g.get("format").asText()).isEqualTo("thetaevolve.grpo.v1");
            assertThat(g.get("prompt").asText()).contains("EVOLVE-BLOCK-START").contains("SEARCH");
            assertThat(g.get("samples")).hasSize(4);
            JsonNode reload = new ObjectMapper().readTree(bodies.get(1));
            assertThat(reload.get("lora_name").asText()).isEqualTo("cp26-1");
            assertThat(reload.get("lora_path").asText()).isEqualTo("/w/step-1");
            assertThat(server.requests.peek().body().has("logprobs")).isTrue();
        } finally {
            side.stop(0);
        }
    }

    @Test
    void run_twoEndpointsWithUcb_samplesFromBoth() throws Exception {
        java.util.function.Function<OpenAiTestServer.Request, OpenAiTestServer.Reply> script = r -> {
            int n = Math.max(1, r.body().path("n").asInt(1));
            return OpenAiTestServer.Reply.ok(OpenAiTestServer.chat(java.util.Collections.nCopies(n, GOOD), 900, 400 * n));
        };
        try (OpenAiTestServer a = OpenAiTestServer.start(script); OpenAiTestServer b = OpenAiTestServer.start(script)) {
            Cli.Result r = Cli.run("run", "--problem", "circle_packing_26", "--mode", "construct", "--mutator", "llm", "--llm-url", a.baseUrl(),
                    "--llm-model", "model-a", "--llm-endpoint", b.baseUrl() + ",model-b,2", "--llm-select", "ucb",
                    "--steps", "2", "--parents", "3", "--samples", "2", "--db", Cli.freshDb("two"), "--run", "two-" + System.nanoTime(), "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(a.requests).isNotEmpty();
            assertThat(b.requests).isNotEmpty();
            assertThat(a.requests.size() + b.requests.size()).isEqualTo(2 * 3);
            assertThat(b.requests.peek().body().path("model").asText()).isEqualTo("model-b");
        }
        Cli.Result bad = Cli.run("run", "--problem", "circle_packing_26", "--mode", "construct", "--mutator", "llm", "--llm-url", "http://127.0.0.1:9/v1",
                "--llm-model", "m", "--llm-endpoint", "no-model-here", "--steps", "1", "--db", Cli.freshDb("bad"));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("URL,MODEL");
    }
}
