package dev.thetaevolve.llm;

import dev.thetaevolve.llm.OpenAiTestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SamplingClientTest {
    private static final String SECRET = "sk-test-7f3a9c-SECRET";
    private static final LlmCall CALL = new LlmCall(List.of(ChatMessage.system("be brief"), ChatMessage.user("improve it")),
            SamplingParams.defaults());

    private static LlmSettings.Builder settings(OpenAiTestServer server) {
        return LlmSettings.builder().endpoint(LlmEndpoint.of(server.baseUrl(), "test-model", ApiKey.of(SECRET)))
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).requestTimeout(Duration.ofSeconds(10));
    }

    private static SamplingClient client(LlmSettings s) {
        return new SamplingClient(s, e -> new HttpLlmClient(e.baseUrl(), e.apiKey()), new CharEstimateCounter(), new SplittableRandom(1));
    }

    private static LlmException failureOf(CompletableFuture<?> f) {
        try {
            f.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (LlmException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure, got " + f.join());
    }

    private static void await(BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).pollInterval(java.time.Duration.ofMillis(10)).until(condition::getAsBoolean);
    }

    @Test
    void submit_retriesOn429And500ThenSucceeds() throws Exception {
        try (var server = OpenAiTestServer.sequence(Reply.status(429), Reply.status(500), Reply.status(503), Reply.ok(OpenAiTestServer.chat("done")));
             var client = client(settings(server).maxAttempts(4).build())) {
            Completion c = client.submit(client.openScope(), CALL).get(10, TimeUnit.SECONDS);

            assertThat(c.attempts()).isEqualTo(4);
            assertThat(c.response().choices().get(0).text()).isEqualTo("done");
            assertThat(client.metrics().retries()).isEqualTo(3);
            assertThat(client.metrics().requests()).isEqualTo(4);
            assertThat(client.metrics().snapshot().failed()).isZero();
        }
    }

    @Test
    void submit_serverErrorsBeyondMaxAttemptsFailAndAreCounted() throws Exception {
        try (var server = OpenAiTestServer.sequence(Reply.status(500));
             var client = client(settings(server).maxAttempts(3).build())) {
            LlmException e = failureOf(client.submit(client.openScope(), CALL));

            assertThat(e.failure()).isEqualTo(FailureCause.SERVER_ERROR);
            assertThat(e.status()).isEqualTo(500);
            assertThat(server.started.get()).isEqualTo(3);
            assertThat(client.metrics().retries()).isEqualTo(2);
            assertThat(client.metrics().failures(FailureCause.SERVER_ERROR)).isEqualTo(1);
        }
    }

    static Stream<Arguments> badResponses() {
        String full = OpenAiTestServer.chat("<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE");
        return Stream.of(
                Arguments.of("empty choices", Reply.ok("{\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":0}}"), FailureCause.MALFORMED),
                Arguments.of("truncated JSON", Reply.ok(full.substring(0, full.length() / 2)), FailureCause.MALFORMED),
                Arguments.of("HTML error page", Reply.ok("<html>Bad Gateway</html>"), FailureCause.MALFORMED),
                Arguments.of("400 bad request", Reply.status(400), FailureCause.CLIENT_ERROR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badResponses")
    void submit_badResponseFailsWithoutRetryAndSamplingContinues(String name, Reply bad, FailureCause expected) throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (var server = OpenAiTestServer.start(r -> n.getAndIncrement() == 0 ? bad : Reply.ok(OpenAiTestServer.chat("next")));
             var client = client(settings(server).maxInFlight(1).build())) {
            var scope = client.openScope();
            var first = client.submit(scope, CALL);
            var second = client.submit(scope, CALL);

            assertThat(failureOf(first).failure()).isEqualTo(expected);
            assertThat(second.get(10, TimeUnit.SECONDS).response().choices().get(0).text()).isEqualTo("next");
            assertThat(client.metrics().failures(expected)).isEqualTo(1);
            assertThat(client.metrics().retries()).isZero();
        }
    }

    @Test
    void submit_connectionRefusedIsRetriedThenCounted() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var s = LlmSettings.builder().endpoint(LlmEndpoint.of("http://127.0.0.1:" + port + "/v1", "m", null))
                .backoff(Duration.ofMillis(1), Duration.ofMillis(2)).maxAttempts(3).build();
        try (var client = client(s)) {
            LlmException e = failureOf(client.submit(client.openScope(), CALL));

            assertThat(e.failure()).isEqualTo(FailureCause.CONNECTION);
            assertThat(client.metrics().retries()).isEqualTo(2);
            assertThat(client.metrics().failures(FailureCause.CONNECTION)).isEqualTo(1);
        }
    }

    @Test
    void submit_slowerThanTimeoutFailsWithTimeoutAndNextSucceeds() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (var server = OpenAiTestServer.start(r -> n.getAndIncrement() == 0 ? Reply.ok(OpenAiTestServer.chat("late")).slow(3000) : Reply.ok(OpenAiTestServer.chat("on time")));
             var client = client(settings(server).maxInFlight(1).requestTimeout(Duration.ofMillis(300)).build())) {
            var scope = client.openScope();
            var slow = client.submit(scope, CALL);
            var fast = client.submit(scope, CALL);

            assertThat(failureOf(slow).failure()).isEqualTo(FailureCause.TIMEOUT);
            assertThat(fast.get(10, TimeUnit.SECONDS).response().choices().get(0).text()).isEqualTo("on time");
            assertThat(client.metrics().failures(FailureCause.TIMEOUT)).isEqualTo(1);
            await(() -> server.aborted.get() == 1);
        }
    }

    @Test
    void submit_neverExceedsMaxInFlight() throws Exception {
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat("ok")).after(30));
             var client = client(settings(server).maxInFlight(4).build())) {
            var scope = client.openScope();
            List<CompletableFuture<Completion>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) all.add(client.submit(scope, CALL));
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

            assertThat(server.maxInFlight.get()).isEqualTo(4);
            assertThat(client.metrics().maxInFlight()).isEqualTo(4);
            assertThat(server.completed.get()).isEqualTo(40);
            assertThat(client.metrics().inFlight()).isZero();
        }
    }

    @Test
    void scopeCancel_abortsLeftoverRequestsAndFreesPermits() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (var server = OpenAiTestServer.start(r -> n.getAndIncrement() < 4 ? Reply.ok(OpenAiTestServer.chat("too late")).slow(5000) : Reply.ok(OpenAiTestServer.chat("fresh")));
             var client = client(settings(server).maxInFlight(4).build())) {
            var step = client.openScope();
            List<CompletableFuture<Completion>> leftover = new ArrayList<>();
            for (int i = 0; i < 8; i++) leftover.add(client.submit(step, CALL));
            await(() -> server.started.get() == 4);

            assertThat(step.cancel()).isEqualTo(8);

            assertThat(leftover).allMatch(CompletableFuture::isCancelled);
            await(() -> server.aborted.get() == 4);
            assertThat(server.completed.get()).isZero();
            assertThat(server.started.get()).isEqualTo(4);
            await(() -> client.metrics().inFlight() == 0);
            await(() -> client.metrics().snapshot().cancelled() == 8);
            assertThat(client.submit(step, CALL)).isCancelled();
            var next = client.openScope();
            assertThat(client.submit(next, CALL).get(5, TimeUnit.SECONDS).response().choices().get(0).text()).isEqualTo("fresh");
        }
    }

    @Test
    void budget_exhaustionStopsSampling() throws Exception {
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(List.of("a"), 300, 300)));
             var client = client(settings(server).maxInFlight(1).tokenBudget(1000).build())) {
            var scope = client.openScope();
            List<CompletableFuture<Completion>> all = new ArrayList<>();
            for (int i = 0; i < 5; i++) all.add(client.submit(scope, CALL));

            assertThat(all.get(0).get(5, TimeUnit.SECONDS).promptTokens()).isEqualTo(300);
            assertThat(all.get(1).get(5, TimeUnit.SECONDS).completionTokens()).isEqualTo(300);
            for (int i = 2; i < 5; i++) assertThat(failureOf(all.get(i))).isInstanceOf(BudgetExhaustedException.class);
            assertThat(server.started.get()).isEqualTo(2);
            assertThat(client.budget().exhausted()).isTrue();
            assertThat(client.budget().exhaustedReason()).hasValue("token budget spent: 1200 of 1000 tokens");
            assertThat(client.metrics().failures(FailureCause.BUDGET_EXHAUSTED)).isEqualTo(3);
        }
    }

    @Test
    void submit_chargesCostAtConfiguredPricesAndStopsAtCostBudget() throws Exception {
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(List.of("a"), 1000, 2000)))) {
            var endpoint = LlmEndpoint.of(server.baseUrl(), "paid", null).withPrices(0.5, 2.0);
            var s = LlmSettings.builder().endpoint(endpoint).maxInFlight(1).costBudget(5.0).build();
            try (var client = client(s)) {
                var scope = client.openScope();
                Completion c = client.submit(scope, CALL).get(5, TimeUnit.SECONDS);
                var second = client.submit(scope, CALL);
                second.get(5, TimeUnit.SECONDS);

                assertThat(c.cost()).isEqualTo(4.5);
                assertThat(client.budget().costUsed()).isEqualTo(9.0);
                assertThat(failureOf(client.submit(scope, CALL))).isInstanceOf(BudgetExhaustedException.class);
                assertThat(client.metrics().snapshot().cost()).isEqualTo(9.0);
            }
        }
    }

    @Test
    void submit_countsReasoningAndAnswerTokensPerChoice() throws Exception {
        String answer = "<<<<<<< SEARCH\nreturn a;\n=======\nreturn b;\n>>>>>>> REPLACE";
        String text = "<think>" + "x".repeat(400) + "</think>" + answer;
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(List.of(text, answer), -1, 0)));
             var client = client(settings(server).build())) {
            Completion c = client.submit(client.openScope(), CALL).get(5, TimeUnit.SECONDS);

            int answerTokens = (answer.length() + 3) / 4;
            assertThat(c.choiceTokens()).containsExactly(new Completion.ChoiceTokens(100, answerTokens), new Completion.ChoiceTokens(0, answerTokens));
            assertThat(c.reasoningTokens()).isEqualTo(100);
            assertThat(c.completionTokens()).isEqualTo(100 + 2 * answerTokens);
            assertThat(client.metrics().snapshot().reasoningTokens()).isEqualTo(100);
        }
    }

    @Test
    void submit_honoursRetryAfterSecondsOn429() throws Exception {
        try (var server = OpenAiTestServer.sequence(Reply.status(429).header("Retry-After", "1"), Reply.ok(OpenAiTestServer.chat("after the wait")));
             var client = client(settings(server).build())) {
            Completion c = client.submit(client.openScope(), CALL).get(10, TimeUnit.SECONDS);

            assertThat(c.response().choices().get(0).text()).isEqualTo("after the wait");
            List<OpenAiTestServer.Request> r = List.copyOf(server.requests);
            // the backoff alone would retry after 1-5 ms
            assertThat(Duration.ofNanos(r.get(1).receivedNanos() - r.get(0).receivedNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Test
    void submit_retryAfterDateOn503IsCappedByMaxRetryWait() throws Exception {
        String inAnHour = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(1));
        try (var server = OpenAiTestServer.sequence(Reply.status(503).header("Retry-After", inAnHour), Reply.ok(OpenAiTestServer.chat("soon")));
             var client = client(settings(server).maxRetryWait(Duration.ofMillis(400)).build())) {
            long t0 = System.nanoTime();
            Completion c = client.submit(client.openScope(), CALL).get(10, TimeUnit.SECONDS);

            assertThat(c.attempts()).isEqualTo(2);
            List<OpenAiTestServer.Request> r = List.copyOf(server.requests);
            assertThat(Duration.ofNanos(r.get(1).receivedNanos() - r.get(0).receivedNanos())).isBetween(Duration.ofMillis(350), Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void parseRetryAfter_secondsDatesAndJunk() {
        var now = java.time.Instant.parse("2015-10-21T07:27:00Z");
        assertThat(LlmException.parseRetryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(LlmException.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).isEqualTo(Duration.ofSeconds(60));
        assertThat(LlmException.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(LlmException.parseRetryAfter("soon", now)).isNull();
        assertThat(LlmException.parseRetryAfter(null, now)).isNull();
        assertThat(LlmException.forStatus(500, "x", "10").retryAfter()).isNull(); // only 429 and 503 carry a wait
    }

    @Test
    void submit_400WithNAboveOneSuggestsNoN() throws Exception {
        try (var server = OpenAiTestServer.sequence(Reply.status(400));
             var client = client(settings(server).build())) {
            LlmException many = failureOf(client.submit(client.openScope(), new LlmCall(CALL.messages(), CALL.params().withN(4))));
            LlmException one = failureOf(client.submit(client.openScope(), CALL));

            assertThat(many.getMessage()).contains("HTTP 400", "n = 4", "--llm-no-n");
            assertThat(one.getMessage()).contains("HTTP 400").doesNotContain("--llm-no-n");
        }
    }

    @Test
    void submit_givesUpAfterMaxConsecutiveFailuresAndFailsLaterCallsAtOnce() throws Exception {
        try (var server = OpenAiTestServer.sequence(Reply.status(401));
             var client = client(settings(server).maxInFlight(1).maxConsecutiveFailures(3).build())) {
            var scope = client.openScope();
            List<CompletableFuture<Completion>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) calls.add(client.submit(scope, CALL));
            for (var c : calls) assertThat(failureOf(c).failure()).isEqualTo(FailureCause.CLIENT_ERROR);

            assertThat(server.started.get()).isEqualTo(3);
            assertThat(client.fatalFailure()).isNotNull();
            assertThat(client.fatalFailure().getMessage()).contains("gave up after 3 failed requests in a row", "HTTP 401");
            assertThat(failureOf(calls.get(5)).getMessage()).contains("gave up");
        }
    }

    @Test
    void submit_aSuccessResetsTheConsecutiveFailureCount() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (var server = OpenAiTestServer.start(r -> n.getAndIncrement() % 2 == 0 ? Reply.status(401) : Reply.ok(OpenAiTestServer.chat("ok")));
             var client = client(settings(server).maxInFlight(1).maxConsecutiveFailures(2).build())) {
            var scope = client.openScope();
            for (int i = 0; i < 8; i++) client.submit(scope, CALL).handle((c, e) -> null).get(10, TimeUnit.SECONDS);

            assertThat(server.started.get()).isEqualTo(8);
            assertThat(client.fatalFailure()).isNull();
        }
    }

    @Test
    void useModel_switchesTheEndpointsOnThatServerOnly() throws Exception {
        try (var a = OpenAiTestServer.start(OpenAiTestServer.echoN("x")); var b = OpenAiTestServer.start(OpenAiTestServer.echoN("y"))) {
            var s = LlmSettings.builder().endpoint(LlmEndpoint.of(a.baseUrl(), "base-a", null))
                    .endpoint(LlmEndpoint.of(b.baseUrl(), "base-b", null)).build();
            try (var client = client(s)) {
                var scope = client.openScope();
                for (int i = 0; i < 6; i++) client.submit(scope, CALL).get(5, TimeUnit.SECONDS);
                assertThat(client.useModel(java.net.URI.create(a.baseUrl().replace("/v1", "")), "adapter-3"))
                        .containsExactly("base-a@127.0.0.1:" + java.net.URI.create(a.baseUrl()).getPort());
                int before = a.requests.size();
                for (int i = 0; i < 12; i++) client.submit(scope, CALL).get(5, TimeUnit.SECONDS);

                List<String> aModels = a.requests.stream().map(OpenAiTestServer.Request::model).toList();
                assertThat(aModels.subList(0, before)).containsOnly("base-a");
                assertThat(aModels.subList(before, aModels.size())).isNotEmpty().containsOnly("adapter-3");
                assertThat(b.requests).extracting(OpenAiTestServer.Request::model).containsOnly("base-b");
                assertThat(client.models()).containsValues("adapter-3", "base-b");
                // a reload server no endpoint lives on (a Service name, say) switches every endpoint
                assertThat(client.useModel(java.net.URI.create("http://vllm.svc:8000"), "adapter-4")).hasSize(2);
            }
        }
    }

    @Test
    void apiKey_reachesServerButNeverToStringOrLogs() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (logged) {
                    logged.add(r.getMessage() + " " + r.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("dev.thetaevolve.llm");
        Level before = logger.getLevel();
        logger.addHandler(capture);
        logger.setLevel(Level.ALL);
        try (var server = OpenAiTestServer.sequence(Reply.status(429), Reply.status(401));
             var client = client(settings(server).maxAttempts(3).build())) {
            LlmException e = failureOf(client.submit(client.openScope(), CALL));

            assertThat(server.requests).extracting(OpenAiTestServer.Request::authorization).containsOnly("Bearer " + SECRET);
            assertThat(logged).isNotEmpty().noneMatch(s -> s.contains(SECRET));
            assertThat(e.toString()).doesNotContain(SECRET);
            assertThat(client.toString()).contains("redacted").doesNotContain(SECRET);
            assertThat(client.settings().toString()).contains("redacted").doesNotContain(SECRET);
            assertThat(new HttpLlmClient(java.net.URI.create(server.baseUrl()), ApiKey.of(SECRET)).toString()).doesNotContain(SECRET);
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
    }
}
