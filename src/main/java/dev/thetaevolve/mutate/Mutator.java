package dev.thetaevolve.mutate;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Produces samples for a parent. The built-in mutator and a language model are both just Mutators: each
 * emits SEARCH/REPLACE text, so exactly the same apply, lazy and evaluate path runs for both.
 */
public interface Mutator extends AutoCloseable {

    /**
     * Starts producing {@code request.samples()} samples. Each future completes when its sample arrives,
     * so the caller can evaluate a child as soon as it exists. A future completes exceptionally when its
     * sample cannot be had (the caller counts it and goes on).
     */
    List<CompletableFuture<Sample>> sample(MutationRequest request);

    /** Short name for logs and the store ("builtin", a model name). */
    String name();

    @Override
    default void close() {
    }
}
