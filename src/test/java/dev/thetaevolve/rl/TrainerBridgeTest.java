package dev.thetaevolve.rl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.thetaevolve.evolve.ChildStatus;
import dev.thetaevolve.evolve.StepObserver;
import dev.thetaevolve.evolve.StepSummary;
import dev.thetaevolve.mutate.Parent;
import dev.thetaevolve.problem.Direction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainerBridgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> stepHeaders = new CopyOnWriteArrayList<>();
    private volatile String trainerAnswer = "";
    private volatile int trainerStatus = 200;
    private volatile int unloadStatus = 200;
    private volatile CountDownLatch trainerGate = new CountDownLatch(0);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/train", ex -> {
            record(ex);
            stepHeaders.add(ex.getRequestHeaders().getFirst("X-Thetaevolve-Step") + " " + ex.getRequestHeaders().getFirst("Content-Type"));
            try {
                trainerGate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, trainerStatus, trainerAnswer);
        });
        server.createContext("/v1/load_lora_adapter", ex -> {
            record(ex);
            answer(ex, 200, "");
        });
        server.createContext("/v1/unload_lora_adapter", ex -> {
            record(ex);
            answer(ex, unloadStatus, "");
        });
        server.createContext("/update_weights_from_disk", ex -> {
            record(ex);
            answer(ex, 200, "{\"success\": true}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void record(HttpExchange ex) throws IOException {
        calls.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
        bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) ex.getResponseBody().write(b);
        ex.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static List<StepObserver.Child> children() {
        Parent a = new Parent(1, "class A {}", 1.0, null, null);
        Parent b = new Parent(2, "class B {}", 2.0, null, null);
        return List.of(
                RolloutsTest.child(10, a, ChildStatus.VALID, 1.5, "s", "<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE"),
                RolloutsTest.child(11, a, ChildStatus.COMPILE, null, "s", "bad"),
                RolloutsTest.child(12, b, ChildStatus.VALID, 2.5, "s", "good"));
    }

    private TrainerBridge bridge(BridgeSettings.Builder b) {
        return new TrainerBridge(b.build(), new RewardFunction(RewardType.RAW, Direction.MAXIMIZE, null),
                Rollouts.completions(c -> "prompt of parent " + c.parent().id()));
    }

    private static StepSummary step(int n) {
        return new StepSummary(n, 3, 2, 2.5, 12, 0, 3);
    }

    @Test
    void stepCommitted_vllm_postsGroupsThenLoadsTheAdapter(@TempDir Path dir) throws IOException {
        try (TrainerBridge bridge = bridge(BridgeSettings.builder().trainer(base() + "/train").inference(BridgeSettings.Inference.VLLM)
                .inferenceUrl(base()).adapterName("policy-{step}").weightsPath("/weights/step-{step}").exportDir(dir).run("r1"))) {
            bridge.stepCommitted(step(3), children());
        }
        assertThat(calls).containsExactly("POST /train", "POST /v1/load_lora_adapter");
        assertThat(stepHeaders).containsExactly("3 application/x-ndjson");
        String[] lines = bodies.get(0).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode g1 = JSON.readTree(lines[0]);
        assertThat(g1.get("format").asText()).isEqualTo(GroupsJsonl.FORMAT);
        assertThat(g1.get("run").asText()).isEqualTo("r1");
        assertThat(g1.get("step").asInt()).isEqualTo(3);
        assertThat(g1.get("group").asText()).isEqualTo("s3-p1");
        assertThat(g1.get("prompt").asText()).isEqualTo("prompt of parent 1");
        assertThat(g1.get("samples")).hasSize(2);
        assertThat(g1.get("samples").get(0).get("completion").asText()).startsWith("<<<<<<< SEARCH");
        assertThat(g1.get("samples").get(0).get("reward").asDouble()).isEqualTo(1.5);
        assertThat(g1.get("samples").get(0).get("advantage").asDouble()).isGreaterThan(0.99);
        assertThat(g1.get("samples").get(1).get("reward").asDouble()).isEqualTo(-0.2);
        assertThat(g1.get("samples").get(1).get("status").asText()).isEqualTo("COMPILE");
        assertThat(g1.get("samples").get(1).get("logprobs").isArray()).isTrue();
        JsonNode load = JSON.readTree(bodies.get(1));
        assertThat(load.get("lora_name").asText()).isEqualTo("policy-3");
        assertThat(load.get("lora_path").asText()).isEqualTo("/weights/step-3");
        assertThat(Files.readString(dir.resolve("step-000003.jsonl"))).isEqualTo(bodies.get(0));
    }

    @Test
    void stepCommitted_vllm_tellsTheNewAdapterAndUnloadsAllButTheNewestTwo() throws IOException {
        List<String> told = new CopyOnWriteArrayList<>();
        try (TrainerBridge bridge = bridge(BridgeSettings.builder().trainer(base() + "/train").inference(BridgeSettings.Inference.VLLM)
                .inferenceUrl(base()).adapterName("policy-{step}").weightsPath("/w/{step}"))) {
            bridge.onAdapterLoaded((url, name) -> told.add(url.getPort() + " " + name));
            for (int s = 1; s <= 4; s++) bridge.stepCommitted(step(s), children());
            assertThat(bridge.loadedAdapters()).containsExactly("policy-3", "policy-4");
        }
        assertThat(told).containsExactly(server.getAddress().getPort() + " policy-1", server.getAddress().getPort() + " policy-2",
                server.getAddress().getPort() + " policy-3", server.getAddress().getPort() + " policy-4");
        assertThat(calls).containsExactly("POST /train", "POST /v1/load_lora_adapter", "POST /train", "POST /v1/load_lora_adapter",
                "POST /train", "POST /v1/load_lora_adapter", "POST /v1/unload_lora_adapter",
                "POST /train", "POST /v1/load_lora_adapter", "POST /v1/unload_lora_adapter");
        assertThat(JSON.readTree(bodies.get(6)).get("lora_name").asText()).isEqualTo("policy-1");
        assertThat(JSON.readTree(bodies.get(9)).get("lora_name").asText()).isEqualTo("policy-2");
    }

    @Test
    void stepCommitted_vllm_aFailedUnloadIsNotAFailedStep() {
        unloadStatus = 404;
        try (TrainerBridge bridge = bridge(BridgeSettings.builder().trainer(base() + "/train").inference(BridgeSettings.Inference.VLLM)
                .inferenceUrl(base()).adapterName("p-{step}").weightsPath("/w/{step}").keepAdapters(1))) {
            bridge.stepCommitted(step(1), children());
            bridge.stepCommitted(step(2), children());
            assertThat(bridge.loadedAdapters()).containsExactly("p-2");
        }
        assertThat(calls).endsWith("POST /v1/load_lora_adapter", "POST /v1/unload_lora_adapter");
    }

    @Test
    void stepCommitted_sglang_keepsTheModelName() {
        List<String> told = new CopyOnWriteArrayList<>();
        try (TrainerBridge bridge = bridge(BridgeSettings.builder().trainer(base() + "/train").inference(BridgeSettings.Inference.SGLANG)
                .inferenceUrl(base()).weightsPath("/w/{step}"))) {
            bridge.onAdapterLoaded((url, name) -> told.add(name));
            bridge.stepCommitted(step(1), children());
        }
        assertThat(told).isEmpty();
        assertThat(calls).containsExactly("POST /train", "POST /update_weights_from_disk");
    }

    @Test
    void stepCommitted_sglang_usesTheTrainersWeightsPath() throws IOException {
        trainerAnswer = "{\"weights_path\": \"/ckpt/global_step_7\"}";
        try (TrainerBridge bridge = bridge(BridgeSettings.builder().trainer(base() + "/train").inference(BridgeSettings.Inference.SGLANG)
                .inferenceUrl(base()).weightsPath("/unused"))) {
            bridge.stepCommitted(step(7), children());
        }
        assertThat(calls).containsExactly("POST /train", "POST /update_weights_from_disk");
        assertThat(JSON.readTree(bodies.get(1)).get("model_path").asText()).isEqualTo("/ckpt/global_step_7");
    }

    @Test
    void stepCommitted_noWait_returnsBeforeTrainingAndKeepsStepOrder() {
        trainerGate = new CountDownLatch(1);
        try (TrainerBridge bridge = bridge(BridgeSettings.builder().trainer(base() + "/train").inference(BridgeSettings.Inference.VLLM)
                .inferenceUrl(base()).weightsPath("/w/{step}").waitForWeights(false))) {
            bridge.stepCommitted(step(1), children());
            bridge.stepCommitted(step(2), children());
            // both calls returned while the trainer still holds step 1: the run went on, nothing was reloaded yet
            assertThat(calls).doesNotContain("POST /v1/load_lora_adapter");
            trainerGate.countDown();
        }
        assertThat(calls).containsExactly("POST /train", "POST /v1/load_lora_adapter", "POST /train", "POST /v1/load_lora_adapter");
        assertThat(stepHeaders).extracting(h -> h.split(" ")[0]).containsExactly("1", "2");
    }

    @Test
    void stepCommitted_trainerErrorStopsBeforeTheReload() {
        trainerStatus = 503;
        trainerAnswer = "busy";
        try (TrainerBridge bridge = bridge(BridgeSettings.builder().trainer(base() + "/train").inference(BridgeSettings.Inference.VLLM)
                .inferenceUrl(base()).weightsPath("/w"))) {
            assertThatThrownBy(() -> bridge.stepCommitted(step(1), children()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("answered HTTP 503: busy");
        }
        assertThat(calls).containsExactly("POST /train");
    }

    @Test
    void build_inferenceWithoutUrlIsAConflict() {
        assertThatThrownBy(() -> BridgeSettings.builder().trainer("http://t/train").inference(BridgeSettings.Inference.SGLANG).weightsPath("/w").build())
                .isInstanceOf(IllegalStateException.class).hasMessage("inference 'sglang' needs inferenceUrl");
        assertThatThrownBy(() -> BridgeSettings.builder().trainer("ftp://x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trainer must be an http(s) URL, got 'ftp://x'");
    }
}
