package dev.thetaevolve.llm;

import java.util.concurrent.CompletableFuture;

/**
 * One OpenAI-compatible endpoint (a base URL such as {@code http://127.0.0.1:8000/v1}, its key). Requests
 * are asynchronous: the future fails with an {@link LlmException} (cause, status) and never blocks the
 * caller. Cancelling a returned future aborts the HTTP exchange. No retries, limits or timeouts here:
 * {@link SamplingClient} owns them. Implementations are thread-safe.
 */
public interface LlmClient extends AutoCloseable {

    /** POST {base}/chat/completions. */
    CompletableFuture<LlmResponse> chat(ChatRequest request);

    /** POST {base}/completions. */
    CompletableFuture<LlmResponse> complete(CompletionRequest request);

    @Override
    default void close() {
    }
}
