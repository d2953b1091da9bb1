package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Mode;
import dev.thetaevolve.problem.Problem;

import java.util.Objects;

/**
 * One evaluation as an {@link Evaluator} receives it: what {@link Evaluator#submit(String, Problem, double)}
 * takes, plus the mode and, for search mode, the warm start, the seed of the harness and its budget. A
 * remote evaluator carries exactly these fields (never credentials).
 *
 * @param source        the candidate's compilation unit
 * @param problem       the problem (its verifier source travels to search-mode workers)
 * @param tolerance     verification tolerance (0 = strict)
 * @param mode          construct ({@code solve()}) or search (initial/improve/perturb under the harness)
 * @param warmStart     search: the construction to start from (the parent's), or null
 * @param warmStartFrom search: the program id the warm start came from, or -1
 * @param seed          search: seed of the harness's random stream
 * @param budgetMillis  search: the harness's budget; the hard limit adds a grace period to it
 */
public record EvalRequest(String source, Problem problem, double tolerance, Mode mode, Object warmStart,
                          long warmStartFrom, long seed, long budgetMillis) {

    public EvalRequest {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(mode, "mode");
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number >= 0, got '" + tolerance + "'");
        }
        if (mode == Mode.SEARCH && budgetMillis <= 0) throw new IllegalArgumentException("budgetMillis must be > 0, got '" + budgetMillis + "'");
        if (warmStart == null) warmStartFrom = -1;
    }

    /** A construct-mode request: {@code solve()} under the problem's time limit. */
    public static EvalRequest construct(String source, Problem problem, double tolerance) {
        return new EvalRequest(source, problem, tolerance, Mode.CONSTRUCT, null, -1, 0, 0);
    }

    /** A search-mode request with the problem's own budget. */
    public static EvalRequest search(String source, Problem problem, double tolerance, Object warmStart, long warmStartFrom, long seed) {
        return new EvalRequest(source, problem, tolerance, Mode.SEARCH, warmStart, warmStartFrom, seed,
                problem.spec().searchBudgetMillis());
    }

    public EvalRequest withBudgetMillis(long millis) {
        return new EvalRequest(source, problem, tolerance, mode, warmStart, warmStartFrom, seed, millis);
    }

    /**
     * The wall-clock limit after which the parent kills the worker: the problem's time limit in construct
     * mode; in search mode the budget plus a grace period (a quarter of it, at least one second) for class
     * initialisation, the last call's overrun and the answer.
     */
    public long hardLimitMillis() {
        if (mode == Mode.CONSTRUCT) return problem.spec().timeLimitMillis();
        return budgetMillis + Math.max(1_000, budgetMillis / 4);
    }
}
