package dev.thetaevolve.mutate;

import dev.thetaevolve.problem.Problem;

import java.util.List;

/**
 * Ask for {@code samples} children of {@code parent}.
 *
 * @param inspirations other programs of the run (for prompts, and as crossover donors for the built-in
 *                     mutator); may be empty
 * @param seed         the seed this request must draw every random choice from, so a run is reproducible
 */
public record MutationRequest(Problem problem, Parent parent, List<Parent> inspirations, int samples, long seed) {
    public MutationRequest {
        inspirations = List.copyOf(inspirations);
        if (samples < 1) throw new IllegalArgumentException("samples must be >= 1, got " + samples);
    }
}
