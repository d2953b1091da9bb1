package dev.thetaevolve.evolve;

import dev.thetaevolve.llm.CharEstimateCounter;
import dev.thetaevolve.llm.HttpLlmClient;
import dev.thetaevolve.llm.LlmEndpoint;
import dev.thetaevolve.llm.LlmSettings;
import dev.thetaevolve.llm.OpenAiTestServer;
import dev.thetaevolve.llm.OpenAiTestServer.Reply;
import dev.thetaevolve.llm.SamplingClient;
import dev.thetaevolve.mutate.LlmMutator;
import dev.thetaevolve.mutate.PromptBuilder;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine driving a language model on a loopback OpenAI-compatible server: failed samples are recorded, never dropped. */
class EngineLlmTest {
    static final String GOOD = """
            <<<<<<< SEARCH
                    double radius = 0.037;
            =======
                    double radius = 0.041;
            >>>>>>> REPLACE
            """;
    private static Problem problem;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel() == Level.WARNING) warnings.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void load() {
        problem = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
    }

    @BeforeEach
    void listen() {
        Logger.getLogger("dev.thetaevolve").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("dev.thetaevolve").removeHandler(capture);
    }

    static LlmMutator mutator(OpenAiTestServer server, UnaryOperator<LlmSettings.Builder> tune) {
        LlmSettings s = tune.apply(LlmSettings.builder().endpoint(LlmEndpoint.of(server.baseUrl(), "test-model", null))
                .maxAttempts(1).backoff(Duration.ofMillis(1), Duration.ofMillis(2))).build();
        SamplingClient client = new SamplingClient(s, e -> new HttpLlmClient(e.baseUrl(), e.apiKey()), new CharEstimateCounter(), new SplittableRandom(1));
        return new LlmMutator(client, new PromptBuilder(client.tokenCounter(), s.promptTokenBudget()));
    }

    private static EngineConfig config() {
        return EngineConfig.builder().parents(2).samples(4).seed(1).islands(2).populationCap(100).archiveSize(20).build();
    }

    @Test
    void step_failedSamplesBecomeSampleFailedChildrenWithTheirCause() {
        AtomicInteger n = new AtomicInteger();
        try (var server = OpenAiTestServer.start(r -> switch (n.getAndIncrement() % 4) {
            case 0 -> Reply.status(500);
            case 1 -> Reply.ok("{\"choices\":[]}");
            default -> Reply.ok(OpenAiTestServer.chat(GOOD));
        }); var m = mutator(server, b -> b.useN(false).maxInFlight(1))) {
            InMemoryRunStore store = new InMemoryRunStore();
            Engine e = Engine.start(problem, config(), new InProcessEvaluator(), m, store, System::nanoTime);
            StepSummary s = e.step();
            e.step();

            assertThat(s.children()).isEqualTo(8); // every sample asked for is a child, arrived or not
            List<ChildRecord> failed = store.programs().stream().filter(c -> c.status() == ChildStatus.SAMPLE_FAILED).toList();
            assertThat(failed).hasSize(8);
            assertThat(failed).filteredOn(c -> c.summary().equals("sample failed: SERVER_ERROR")).hasSize(4)
                    .allSatisfy(c -> assertThat(c.feedback()).contains("HTTP 500"));
            assertThat(failed).filteredOn(c -> c.summary().equals("sample failed: MALFORMED")).hasSize(4)
                    .allSatisfy(c -> assertThat(c.feedback()).contains("no choices"));
            assertThat(failed).allSatisfy(c -> {
                assertThat(c.code()).isNull();
                assertThat(c.valid()).isFalse();
            });
            assertThat(e.sampleFailures()).isEqualTo(8);
            assertThat(e.lastStepSampleFailures()).isEqualTo(4);
            assertThat(e.failure()).isNull();
            assertThat(e.stopRequested()).isFalse();
            // the first failure of each cause, once
            assertThat(warnings).filteredOn(w -> w.contains("sample failed")).hasSize(2);
            assertThat(warnings).anyMatch(w -> w.contains("SERVER_ERROR (HTTP 500)")).anyMatch(w -> w.contains("MALFORMED"));
        }
    }

    @Test
    void step_inWhichNoSampleArrives_failsTheRunWithTheCause() {
        try (var server = OpenAiTestServer.sequence(Reply.status(401)); var m = mutator(server, b -> b)) {
            InMemoryRunStore store = new InMemoryRunStore();
            Engine e = Engine.start(problem, config(), new InProcessEvaluator(), m, store, System::nanoTime);
            e.step();

            assertThat(e.failure()).contains("no sample arrived in step 1", "all 8 failed", "CLIENT_ERROR (HTTP 401)");
            assertThat(e.stopRequested()).isTrue();
            assertThat(e.committedSteps()).isEqualTo(1); // the step and its failed children are kept
            assertThat(store.programs()).hasSize(9);
        }
    }

    @Test
    void mutatorGivingUp_failsTheRunEvenWhenSomeSamplesArrived() {
        AtomicInteger n = new AtomicInteger();
        try (var server = OpenAiTestServer.start(r -> n.getAndIncrement() == 0 ? Reply.ok(OpenAiTestServer.chat(GOOD)) : Reply.status(404));
             var m = mutator(server, b -> b.useN(false).maxInFlight(1).maxConsecutiveFailures(3))) {
            Engine e = Engine.start(problem, config(), new InProcessEvaluator(), m, new InMemoryRunStore(), System::nanoTime);
            e.step();

            assertThat(e.failure()).contains("gave up after 3 failed requests in a row", "HTTP 404");
            assertThat(server.started.get()).isEqualTo(4); // one answer, three failures, then nothing more is sent
        }
    }

    @Test
    void serverIgnoringN_losesNoSample() {
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(GOOD))); var m = mutator(server, b -> b)) {
            InMemoryRunStore store = new InMemoryRunStore();
            Engine e = Engine.start(problem, config(), new InProcessEvaluator(), m, store, System::nanoTime);
            e.step();
            e.step();

            assertThat(store.programs()).hasSize(1 + 2 * 2 * 4).noneMatch(c -> c.status() == ChildStatus.SAMPLE_FAILED);
            assertThat(e.sampleFailures()).isZero();
            assertThat(warnings).filteredOn(w -> w.contains("returned 1 choice for n = 4")).hasSize(1);
        }
    }

    @Test
    void spentBudget_isNotAFailure() {
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(List.of(GOOD), 500, 600)));
             var m = mutator(server, b -> b.useN(false).maxInFlight(1).tokenBudget(2000))) {
            Engine e = Engine.start(problem, config(), new InProcessEvaluator(), m, new InMemoryRunStore(), System::nanoTime);
            e.step();
            e.step();

            assertThat(e.budgetExhausted()).isTrue();
            assertThat(e.failure()).isNull();
            assertThat(e.stopRequested()).isTrue();
        }
    }

    @Test
    void onPolicy_stepNPlusOneSamplesTheAdapterLoadedAtStepN() {
        try (var server = OpenAiTestServer.start(r -> switch (r.path()) {
            case "/v1/train" -> Reply.ok("{}");
            case "/v1/load_lora_adapter", "/v1/unload_lora_adapter" -> Reply.ok("");
            default -> Reply.ok(OpenAiTestServer.chat(Collections.nCopies(Math.max(1, r.body().path("n").asInt(1)), GOOD), 100, 100));
        }); var m = mutator(server, b -> b)) {
            var settings = dev.thetaevolve.rl.BridgeSettings.builder().trainer(server.baseUrl() + "/train")
                    .inference(dev.thetaevolve.rl.BridgeSettings.Inference.VLLM).inferenceUrl(server.baseUrl().replace("/v1", ""))
                    .adapterName("cp-step-{step}").weightsPath("/w/step-{step}").build();
            InMemoryRunStore store = new InMemoryRunStore();
            try (var bridge = new dev.thetaevolve.rl.TrainerBridge(settings,
                    dev.thetaevolve.rl.RewardFunction.of(dev.thetaevolve.rl.RewardType.RAW, problem.spec()), dev.thetaevolve.rl.Rollouts.completions())) {
                bridge.onAdapterLoaded((url, name) -> m.client().useModel(url, name));
                Engine e = Engine.start(problem, config(), new InProcessEvaluator(), m, store, System::nanoTime).observe(bridge);
                for (int i = 0; i < 4; i++) e.step();
                assertThat(bridge.loadedAdapters()).containsExactly("cp-step-3", "cp-step-4");
            }

            // replay the server's log: every sampling request asks for the adapter loaded last before it
            String loaded = "test-model";
            List<String> sampled = new ArrayList<>();
            List<String> unloaded = new ArrayList<>();
            for (OpenAiTestServer.Request r : server.requests) {
                switch (r.path()) {
                    case "/v1/load_lora_adapter" -> loaded = r.body().path("lora_name").asText();
                    case "/v1/unload_lora_adapter" -> unloaded.add(r.body().path("lora_name").asText());
                    case "/v1/chat/completions" -> {
                        assertThat(r.model()).isEqualTo(loaded);
                        if (!sampled.contains(r.model())) sampled.add(r.model());
                    }
                    default -> { }
                }
            }
            assertThat(sampled).containsExactly("test-model", "cp-step-1", "cp-step-2", "cp-step-3");
            assertThat(unloaded).containsExactly("cp-step-1", "cp-step-2");
            assertThat(store.programs()).filteredOn(c -> c.step() == 3).allSatisfy(c -> assertThat(c.summary()).startsWith("cp-step-2 sample"));
        }
    }
}
