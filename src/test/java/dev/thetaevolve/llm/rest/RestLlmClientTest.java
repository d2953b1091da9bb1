package dev.thetaevolve.llm.rest;

import dev.thetaevolve.llm.ApiKey;
import dev.thetaevolve.llm.ChatMessage;
import dev.thetaevolve.llm.ChatRequest;
import dev.thetaevolve.llm.CharEstimateCounter;
import dev.thetaevolve.llm.CompletionRequest;
import dev.thetaevolve.llm.FailureCause;
import dev.thetaevolve.llm.LlmCall;
import dev.thetaevolve.llm.LlmEndpoint;
import dev.thetaevolve.llm.LlmException;
import dev.thetaevolve.llm.LlmSettings;
import dev.thetaevolve.llm.OpenAiTestServer;
import dev.thetaevolve.llm.OpenAiTestServer.Reply;
import dev.thetaevolve.llm.SamplingClient;
import dev.thetaevolve.llm.SamplingParams;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The only @QuarkusTest of the llm package: the REST Client needs the Quarkus runtime. */
@QuarkusTest
class RestLlmClientTest {
    private static final String SECRET = "sk-rest-SECRET-9";
    private static final List<ChatMessage> MESSAGES = List.of(ChatMessage.user("improve it"));

    @Test
    void chat_sendsKeyAndDecodesResponse() throws Exception {
        try (var server = OpenAiTestServer.start(r -> Reply.ok(OpenAiTestServer.chat(List.of("a", "b"), 10, 4)))) {
            var client = new RestLlmClient(URI.create(server.baseUrl()), ApiKey.of(SECRET));
            var response = client.chat(new ChatRequest("m", MESSAGES, SamplingParams.defaults().withN(2))).get(10, TimeUnit.SECONDS);

            assertThat(response.choices()).extracting(c -> c.text()).containsExactly("a", "b");
            assertThat(response.usage().promptTokens()).isEqualTo(10);
            var request = server.requests.peek();
            assertThat(request.path()).isEqualTo("/v1/chat/completions");
            assertThat(request.authorization()).isEqualTo("Bearer " + SECRET);
            assertThat(request.body().path("n").asInt()).isEqualTo(2);
            assertThat(client.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void complete_mapsErrorStatusesAndBadJson() {
        try (var server = OpenAiTestServer.sequence(Reply.status(429), Reply.status(503), Reply.ok("{\"choices\":[{\"text\":\"x\""))) {
            var client = new RestLlmClient(URI.create(server.baseUrl()), null);
            var req = new CompletionRequest("m", "prompt", SamplingParams.defaults());
            for (FailureCause expected : List.of(FailureCause.RATE_LIMITED, FailureCause.SERVER_ERROR, FailureCause.MALFORMED)) {
                assertThatThrownBy(() -> client.complete(req).get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(LlmException.class)
                        .satisfies(e -> assertThat(((LlmException) e).failure()).isEqualTo(expected));
            }
            assertThat(server.requests).allMatch(r -> r.path().equals("/v1/completions") && r.authorization() == null);
        }
    }

    @Test
    void samplingClient_retriesAndCancelsThroughRestClient() throws Exception {
        try (var server = OpenAiTestServer.sequence(Reply.status(500), Reply.ok(OpenAiTestServer.chat("ok")), Reply.ok(OpenAiTestServer.chat("late")).slow(5000))) {
            var s = LlmSettings.builder().endpoint(LlmEndpoint.of(server.baseUrl(), "m", null)).backoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();
            try (var sampling = new SamplingClient(s, e -> new RestLlmClient(e.baseUrl(), e.apiKey()), new CharEstimateCounter(), new SplittableRandom(1))) {
                var call = new LlmCall(MESSAGES, SamplingParams.defaults());
                assertThat(sampling.submit(sampling.openScope(), call).get(10, TimeUnit.SECONDS).attempts()).isEqualTo(2);

                var step = sampling.openScope();
                var late = sampling.submit(step, call);
                await("the late request reaches the server").atMost(5, TimeUnit.SECONDS).until(() -> server.started.get() >= 3);
                step.cancel();
                await("the server sees the cancelled request aborted").atMost(10, TimeUnit.SECONDS).until(() -> server.aborted.get() >= 1);

                assertThat(late).isCancelled();
                assertThat(server.aborted.get()).isEqualTo(1);
                assertThat(sampling.metrics().retries()).isEqualTo(1);
            }
        }
    }
}
