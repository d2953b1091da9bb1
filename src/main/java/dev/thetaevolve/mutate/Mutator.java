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

    /** Told once a step has committed: work still in flight for it may be cancelled. */
    default void stepEnded() {
    }

    /** Told what became of one of its samples: whether its diff applied, and the reward its child got. */
    default void outcome(Sample sample, boolean applied, double reward) {
    }

    /** True once the mutator's budget (tokens, cost) is spent: the run stops cleanly after this step. */
    default boolean exhausted() {
        return false;
    }

    /**
     * Non-null once the mutator cannot go on (its model server keeps failing): why, in one line. The run
     * then stops after the step in progress and is marked FAILED with this message.
     */
    default String failure() {
        return null;
    }

    @Override
    default void close() {
    }
}
