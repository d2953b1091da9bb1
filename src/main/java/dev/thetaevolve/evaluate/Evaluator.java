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
     * failure, the evaluator's own included, is a verdict with an error kind. The one exception is an
     * evaluator that cannot evaluate at all for now (a remote one whose broker stays unreachable): it fails
     * with {@link EvaluatorUnavailableException}, which fails the step instead of becoming a child's verdict.
     */
    CompletableFuture<Verdict> submit(String source, Problem problem, double tolerance);

    default Verdict evaluate(String source, Problem problem, double tolerance) {
        return submit(source, problem, tolerance).join();
    }

    /**
     * Evaluates one request in its mode. Construct mode is {@link #submit(String, Problem, double)}; an
     * evaluator that cannot run search mode answers it with an INTERNAL verdict. Never completes
     * exceptionally.
     */
    default CompletableFuture<Verdict> submit(EvalRequest request) {
        if (request.mode() == dev.thetaevolve.problem.Mode.CONSTRUCT) return submit(request.source(), request.problem(), request.tolerance());
        return CompletableFuture.completedFuture(Verdict.failed(ErrorKind.INTERNAL,
                getClass().getSimpleName() + " does not run search mode", null, 0, 0));
    }

    default Verdict evaluate(EvalRequest request) {
        return submit(request).join();
    }

    /** Stops every worker; pending evaluations complete with an INTERNAL verdict. */
    @Override
    void close();
}
