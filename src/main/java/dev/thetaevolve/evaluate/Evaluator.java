package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;

import java.util.concurrent.CompletableFuture;

/**
 * Evaluates candidate programs. Implementations bound their own concurrency (W workers); {@link #submit}
 * never blocks and queues beyond that. Thread-safe.
 */
public interface Evaluator extends AutoCloseable {

    /**
     * Compiles, scans, runs and verifies one candidate. The future never completes exceptionally: every
     * failure, the evaluator's own included, is a verdict with an error kind.
     */
    CompletableFuture<Verdict> submit(String source, Problem problem, double tolerance);

    default Verdict evaluate(String source, Problem problem, double tolerance) {
        return submit(source, problem, tolerance).join();
    }

    /** Stops every worker; pending evaluations complete with an INTERNAL verdict. */
    @Override
    void close();
}
