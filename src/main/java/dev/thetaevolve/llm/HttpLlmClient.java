package dev.thetaevolve.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link LlmClient} on the JDK's {@code java.net.http} client: plain Java, no container, so it serves the
 * CLI, the tests and the benchmark. HTTP/1.1 (what vLLM, SGLang, Ollama and llama.cpp speak without TLS),
 * one pooled connection per request in flight. Cancelling a returned future aborts the exchange (JDK 16+).
 */
public final class HttpLlmClient implements LlmClient {
    private final HttpClient http;
    private final URI base;
    private final ApiKey key;

    /**
     * @param baseUrl the API root, e.g. {@code http://127.0.0.1:8000/v1}
     * @param key     may be null (local servers usually take none)
     */
    public HttpLlmClient(URI baseUrl, ApiKey key) {
        this.base = withSlash(baseUrl);
        this.key = key;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static URI withSlash(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? u : URI.create(s + "/");
    }

    @Override
    public CompletableFuture<LlmResponse> chat(ChatRequest request) {
        return post("chat/completions", OpenAiCodec.encode(request));
    }

    @Override
    public CompletableFuture<LlmResponse> complete(CompletionRequest request) {
        return post("completions", OpenAiCodec.encode(request));
    }

    private CompletableFuture<LlmResponse> post(String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (key != null) b.header("Authorization", key.authorizationHeader());
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        CompletableFuture<LlmResponse> result = exchange.handle((response, error) -> {
            if (error != null) throw new CompletionException(connection(error));
            if (response.statusCode() / 100 != 2) throw LlmException.forStatus(response.statusCode(), response.body());
            return OpenAiCodec.decode(response.body());
        });
        // handle() makes a new future: cancelling it must still reach the exchange
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) exchange.cancel(true);
        });
        return result;
    }

    private static Throwable connection(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof IOException) return new LlmException(FailureCause.CONNECTION, 0, e.toString(), e);
        return e;
    }

    @Override
    public String toString() {
        return "HttpLlmClient[" + base + ", key=" + (key == null ? "none" : key) + "]";
    }
}
