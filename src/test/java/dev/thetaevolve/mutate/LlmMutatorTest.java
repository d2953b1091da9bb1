package dev.thetaevolve.mutate;

import dev.thetaevolve.llm.ApiKey;
import dev.thetaevolve.llm.CharEstimateCounter;
import dev.thetaevolve.llm.HttpLlmClient;
import dev.thetaevolve.llm.LlmEndpoint;
import dev.thetaevolve.llm.LlmException;
import dev.thetaevolve.llm.LlmSettings;
import dev.thetaevolve.llm.OpenAiTestServer;
import dev.thetaevolve.llm.OpenAiTestServer.Reply;
import dev.thetaevolve.llm.Reasoning;
import dev.thetaevolve.llm.SamplingClient;
import dev.thetaevolve.problem.Direction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmMutatorTest {
    private static final String SECRET = "sk-mutator-SECRET-42";
    private static final String TWO_BLOCKS = """
            <<<<<<< SEARCH
                    double step = 0.01;
            =======
                    double step = 0.005;
            >>>>>>> REPLACE
            <<<<<<< SEARCH
                    double missing = 1;
            =======
                    double missing = 2;
            >>>>>>> REPLACE
            """;
    private static final String MALFORMED = "<<<<<<< SEARCH\n        double step = 0.01;\n=====\n        double step = 0.1;\n>>>>>> REPLACE\n";
    private static final String REWRITE = "Here is the whole program:\n```java\n" + PromptBuilderTest.CODE.replace("0.01", "0.001") + "```\n";

    private static LlmMutator mutator(OpenAiTestServer server, boolean useN) {
        LlmSettings s = LlmSettings.builder().endpoint(LlmEndpoint.of(server.baseUrl(), "qwen3-8b", ApiKey.of(SECRET)))
                .useN(useN).maxInFlight(8).backoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();
        SamplingClient client = new SamplingClient(s, e -> new HttpLlmClient(e.baseUrl(), e.apiKey()), new CharEstimateCounter(), new SplittableRandom(3));
        return new LlmMutator(client, new PromptBuilder(client.tokenCounter(), s.promptTokenBudget()));
    }

    private static MutationRequest request(int samples) {
        Parent parent = new Parent(7, PromptBuilderTest.CODE, 2.5, java.util.Map.of(), "INVALID_OUTPUT: circles 3 and 4 overlap by 1.0E-4");
        return new MutationRequest(PromptBuilderTest.problem(Direction.MAXIMIZE), parent, List.of(), samples, 1);
    }

    private static List<Sample> all(List<CompletableFuture<Sample>> futures) throws Exception {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void sample_withNSendsOneRequestAndKeepsRawTextPerChoice() throws Exception {
        List<String> answers = List.of(OpenAiTestServer.withReasoning(300, TWO_BLOCKS), MALFORMED, REWRITE, TWO_BLOCKS);
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(answers, 1200, 9000)));
             var m = mutator(server, true)) {
            List<Sample> samples = all(m.sample(request(4)));

            assertThat(server.requests).hasSize(1);
            var body = server.requests.peek().body();
            assertThat(body.path("n").asInt()).isEqualTo(4);
            assertThat(body.path("model").asText()).isEqualTo("qwen3-8b");
            assertThat(body.path("messages").get(1).path("content").asText()).contains("circles 3 and 4 overlap", "- score: 2.5");
            assertThat(samples).extracting(Sample::text).containsExactlyElementsOf(answers);
            assertThat(samples.get(0).reasoningTokens()).isGreaterThan(5000);
            assertThat(samples.get(0).completionTokens() - samples.get(0).reasoningTokens()).isEqualTo((Reasoning.strip(answers.get(0)).length() + 3) / 4);
            assertThat(samples.get(1).reasoningTokens()).isZero();
            assertThat(samples).allMatch(s -> s.promptTokens() == 1200 && s.model().equals("qwen3-8b@127.0.0.1:" + server.baseUrl().split(":")[2].split("/")[0]));
            assertThat(samples.get(2).summary()).startsWith("qwen3-8b sample 3/4, finish=stop");
            assertThat(samples).noneMatch(s -> s.text().contains(SECRET) || s.summary().contains(SECRET));
            assertThat(server.requests).allMatch(r -> ("Bearer " + SECRET).equals(r.authorization()));
        }
    }

    @Test
    void sample_withoutNSendsKRequestsAndFailuresStayPerSample() throws Exception {
        AtomicInteger n = new AtomicInteger();
        Function<OpenAiTestServer.Request, Reply> script = r -> switch (n.getAndIncrement()) {
            case 0 -> Reply.ok("{\"choices\":[]}");
            case 1 -> Reply.status(400);
            default -> Reply.ok(OpenAiTestServer.chat(TWO_BLOCKS));
        };
        try (var server = OpenAiTestServer.start(script); var m = mutator(server, false)) {
            var futures = m.sample(request(5));
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(10, TimeUnit.SECONDS);

            assertThat(server.requests).hasSize(5).allMatch(r -> r.body().path("n").asInt() == 1);
            assertThat(futures.stream().filter(CompletableFuture::isCompletedExceptionally)).hasSize(2);
            assertThat(futures.stream().filter(f -> !f.isCompletedExceptionally()).map(CompletableFuture::join)).allMatch(s -> s.text().equals(TWO_BLOCKS));
        }
    }

    @Test
    void sample_serverIgnoringNGetsTheMissingSamplesOneByOneAndSaysSoOnce() throws Exception {
        List<String> warnings = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel() == java.util.logging.Level.WARNING) warnings.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(LlmMutator.class.getName());
        logger.addHandler(capture);
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(TWO_BLOCKS))); var m = mutator(server, true)) {
            List<Sample> first = all(m.sample(request(4)));
            List<Sample> second = all(m.sample(request(4)));

            assertThat(first).hasSize(4).allMatch(s -> s.text().equals(TWO_BLOCKS));
            assertThat(second).hasSize(4);
            assertThat(first).extracting(Sample::summary).anyMatch(x -> x.contains("sample 4/4"));
            List<Integer> ns = server.requests.stream().map(r -> r.body().path("n").asInt()).toList();
            assertThat(ns).containsExactly(4, 1, 1, 1, 1, 1, 1, 1); // one probe with n = 4, then one request per sample
            assertThat(m.onePerSample()).isTrue();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("returned 1 choice for n = 4", "--llm-no-n");
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void sample_serverSplitReasoningIsPutBackInThinkTags() throws Exception {
        String body = "{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"reasoning_content\":\"try a hexagonal start\",\"content\":\"" + "ok" + "\"}}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":9,\"completion_tokens_details\":{\"reasoning_tokens\":6}}}";
        try (var server = OpenAiTestServer.start(r -> Reply.ok(body)); var m = mutator(server, true)) {
            Sample s = m.sample(request(1)).get(0).get(5, TimeUnit.SECONDS);

            assertThat(s.text()).isEqualTo("<think>try a hexagonal start</think>ok");
            assertThat(s.reasoningTokens()).isEqualTo(6);
            assertThat(s.completionTokens()).isEqualTo(9);
        }
    }

    @Test
    void endStep_cancelsLeftoverRequests() throws Exception {
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(TWO_BLOCKS)).slow(5000)); var m = mutator(server, false)) {
            var futures = m.sample(request(4));
            await("all 4 requests reach the server").atMost(5, TimeUnit.SECONDS).until(() -> server.started.get() >= 4);

            assertThat(m.endStep()).isEqualTo(4);
            assertThat(futures).allMatch(CompletableFuture::isCompletedExceptionally);
            await("the server sees all 4 aborted").atMost(10, TimeUnit.SECONDS).until(() -> server.aborted.get() >= 4);
            assertThat(server.aborted.get()).isEqualTo(4);
            assertThat(server.completed.get()).isZero();
        }
    }

    @Test
    void reportApply_metersFailureRatePerModel() throws Exception {
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(TWO_BLOCKS))); var m = mutator(server, true)) {
            Sample s = m.sample(request(1)).get(0).get(5, TimeUnit.SECONDS);
            m.reportApply(s, true);
            m.reportApply(s, false);
            m.reportApply(s, false);
            m.reportReward(s, 1.5);

            var stats = m.metrics().snapshot().applyByModel().get(s.model());
            assertThat(stats.samples()).isEqualTo(3);
            assertThat(stats.failureRate()).isEqualTo(2.0 / 3);
            assertThat(m.name()).isEqualTo("qwen3-8b");
            assertThat(m.budgetExhausted()).isFalse();
        }
    }
}
