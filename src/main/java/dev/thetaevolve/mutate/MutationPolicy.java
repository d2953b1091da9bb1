package dev.thetaevolve.mutate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How the {@link BuiltinMutator} picks each edit: which operator, where in the EVOLVE-BLOCK (one of
 * {@link #LOCATIONS} contiguous buckets of its lines, or anywhere) and how big (one of {@link #MAGNITUDES}
 * buckets of the literal-perturbation scale, or the whole range). A learned policy lives in
 * {@code dev.thetaevolve.rl}; without one the mutator keeps its weighted roulette over operators.
 *
 * <p>Called once per sample from the thread that calls {@link Mutator#sample}; every random choice must
 * come from {@code rng} so a run stays reproducible. Implementations must be thread-safe.
 */
public interface MutationPolicy {
    /** Location buckets: the EVOLVE-BLOCK's lines split into this many contiguous, equal parts. */
    int LOCATIONS = 4;
    /** Magnitude buckets: equal parts of the log-scale range of a literal perturbation, small to large. */
    int MAGNITUDES = 3;
    /** "No preference" for location or magnitude. */
    int ANY = -1;

    /** Chooses one edit for one sample of {@code ctx.request()}. */
    Choice choose(PolicyContext ctx, RandomGenerator rng);

    /**
     * What the policy sees.
     *
     * @param request     the request being served (problem, parent by value, seed)
     * @param sampleIndex which of the request's samples this is (0-based)
     * @param available   the operators that may be chosen here (weight > 0; crossover only with donors), never empty
     * @param weights     the mutator's configured operator weights
     */
    record PolicyContext(MutationRequest request, int sampleIndex, List<BuiltinOperator> available, Map<BuiltinOperator, Double> weights) {
        public PolicyContext {
            Objects.requireNonNull(request, "request");
            available = List.copyOf(available);
            weights = Map.copyOf(weights);
            if (available.isEmpty()) throw new IllegalArgumentException("available operators must not be empty");
        }
    }

    /**
     * One decision.
     *
     * @param operator  the operator to apply (one of the context's available operators)
     * @param location  location bucket in [0, LOCATIONS) or {@link #ANY}
     * @param magnitude magnitude bucket in [0, MAGNITUDES) or {@link #ANY}
     * @param logprob   log-probability of this decision under the policy that made it (NaN when not known)
     * @param decision  the policy's number for this decision, carried by the sample ({@link Sample#decision()}) so a
     *                  learner finds it again; null when the policy does not learn
     */
    record Choice(BuiltinOperator operator, int location, int magnitude, double logprob, Long decision) {
        public Choice {
            Objects.requireNonNull(operator, "operator");
            if (location < ANY || location >= LOCATIONS) throw new IllegalArgumentException("location must be in [-1, " + LOCATIONS + "), got " + location);
            if (magnitude < ANY || magnitude >= MAGNITUDES) throw new IllegalArgumentException("magnitude must be in [-1, " + MAGNITUDES + "), got " + magnitude);
        }
    }
}
