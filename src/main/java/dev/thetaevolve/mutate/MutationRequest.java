package dev.thetaevolve.mutate;

import dev.thetaevolve.problem.Mode;
import dev.thetaevolve.problem.Problem;

import java.util.List;

/**
 * Ask for {@code samples} children of {@code parent}.
 *
 * @param inspirations other programs of the run (for prompts, and as crossover donors for the built-in
 *                     mutator); may be empty
 * @param seed         the seed this request must draw every random choice from, so a run is reproducible
 * @param mode         the run's candidate contract (prompts explain it); construct when absent
 * @param searchBudgetMillis search mode: each child's harness budget (prompts state it)
 */
public record MutationRequest(Problem problem, Parent parent, List<Parent> inspirations, int samples, long seed, Mode mode,
                              long searchBudgetMillis) {
    public MutationRequest {
        inspirations = List.copyOf(inspirations);
        if (samples < 1) throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        if (mode == null) mode = Mode.CONSTRUCT;
    }

    /** A construct-mode request. */
    public MutationRequest(Problem problem, Parent parent, List<Parent> inspirations, int samples, long seed) {
        this(problem, parent, inspirations, samples, seed, Mode.CONSTRUCT, 0);
    }
}
