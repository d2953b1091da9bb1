package dev.thetaevolve.llm.rest;

import dev.thetaevolve.llm.ApiKey;
import dev.thetaevolve.llm.ChatRequest;
import dev.thetaevolve.llm.CompletionRequest;
import dev.thetaevolve.llm.FailureCause;
import dev.thetaevolve.llm.LlmClient;
import dev.thetaevolve.llm.LlmException;
import dev.thetaevolve.llm.LlmResponse;
import dev.thetaevolve.llm.OpenAiCodec;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;

import java.net.URI;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * {@link LlmClient} on the Quarkus REST Client (Vert.x, Mutiny), built programmatically per base URL.
 * It needs a running Quarkus application (the client interface is generated at build time), so the
 * service uses it; the plain-Java {@link dev.thetaevolve.llm.HttpLlmClient} serves everything else.
 * Cancelling a returned future cancels the Uni's subscription, which resets the HTTP request. The read
 * timeout is left to {@link dev.thetaevolve.llm.SamplingClient} (one hour here only as a backstop).
 */
public final class RestLlmClient implements LlmClient {
    private final OpenAiApi api;
    private final ApiKey key;
    private final URI base;

    public RestLlmClient(URI baseUrl, ApiKey key) {
        this.base = baseUrl;
        this.key = key;
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(baseUrl)
                .connectTimeout(10, TimeUnit.SECONDS).readTimeout(1, TimeUnit.HOURS)
                .build(OpenAiApi.class);
    }

    @Override
    public CompletableFuture<LlmResponse> chat(ChatRequest request) {
        return call(api.chat(header(), OpenAiCodec.encode(request)));
    }

    @Override
    public CompletableFuture<LlmResponse> complete(CompletionRequest request) {
        return call(api.complete(header(), OpenAiCodec.encode(request)));
    }

    private String header() {
        return key == null ? null : key.authorizationHeader();
    }

    private static CompletableFuture<LlmResponse> call(Uni<String> uni) {
        CompletableFuture<String> exchange = uni.subscribeAsCompletionStage();
        CompletableFuture<LlmResponse> result = exchange.handle((body, error) -> {
            if (error != null) throw new CompletionException(map(error));
            return OpenAiCodec.decode(body);
        });
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) exchange.cancel(true);
        });
        return result;
    }

    private static Throwable map(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof CancellationException || e instanceof LlmException) return e;
        if (e instanceof WebApplicationException w && w.getResponse() != null) {
            String body;
            try {
                body = w.getResponse().readEntity(String.class);
            } catch (RuntimeException notReadable) {
                body = "";
            }
            return LlmException.forStatus(w.getResponse().getStatus(), body, w.getResponse().getHeaderString("Retry-After"));
        }
        return new LlmException(FailureCause.CONNECTION, 0, e.toString(), e);
    }

    @Override
    public String toString() {
        return "RestLlmClient[" + base + ", key=" + (key == null ? "none" : key) + "]";
    }
}
