package dev.thetaevolve.llm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link LlmClient} on the JDK's {@code java.net.http} client: plain Java, no container, so it serves the
 * CLI, the tests and the benchmark. HTTP/1.1 (what vLLM, SGLang, Ollama and llama.cpp speak without TLS),
 * one pooled connection per request in flight. Cancelling a returned future closes the connection, so the server sees the abort.
 */
public final class HttpLlmClient implements LlmClient {
    private final HttpClient http;
    private final URI base;
    private final ApiKey key;
    /** Blocking body reads, one per response being received: at most the requests in flight. */
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "llm-http-body");
        t.setDaemon(true);
        return t;
    });

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
        // Measured on JDK 17: cancelling a sendAsync future aborts the exchange only before the headers
        // arrive, and with ofString() not even then; closing an ofInputStream() body always closes the
        // connection. So the body is read as a stream that cancellation can close.
        CompletableFuture<HttpResponse<InputStream>> exchange = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        CompletableFuture<LlmResponse> result = new CompletableFuture<>();
        AtomicReference<InputStream> body = new AtomicReference<>();
        exchange.whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(connection(error));
                return;
            }
            body.set(response.body());
            if (result.isDone()) {
                closeQuietly(response.body());
                return;
            }
            readers.execute(() -> {
                try (InputStream in = response.body()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (response.statusCode() / 100 != 2) result.completeExceptionally(LlmException.forStatus(response.statusCode(), text,
                            response.headers().firstValue("Retry-After").orElse(null)));
                    else result.complete(OpenAiCodec.decode(text));
                } catch (IOException e) {
                    result.completeExceptionally(connection(e));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        });
        result.whenComplete((r, e) -> {
            if (!result.isCancelled()) return;
            exchange.cancel(true);
            InputStream in = body.get();
            if (in != null) closeQuietly(in);
        });
        return result;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the connection is being dropped anyway
        }
    }

    private static Throwable connection(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof IOException) return new LlmException(FailureCause.CONNECTION, 0, e.toString(), e);
        return e;
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }

    @Override
    public String toString() {
        return "HttpLlmClient[" + base + ", key=" + (key == null ? "none" : key) + "]";
    }
}
