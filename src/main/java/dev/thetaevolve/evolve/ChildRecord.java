package dev.thetaevolve.evolve;

import java.util.Map;

/**
 * One program of a run as the engine commits it. Append-only: once committed it never changes.
 *
 * @param id             run-local id: 0 is the seed, children are numbered in commit order
 * @param parentId       the parent's id; -1 for the seed
 * @param island         the island it joined
 * @param generation     parent's generation + 1 (seed: 0)
 * @param step           the step that produced it (seed: 0; steps count from 1)
 * @param code           full source (null for NO_DIFF and SAMPLE_FAILED children, which have no code of their own, and for an INTERNAL engine error)
 * @param normalizedHash hash of the normalized code (lazy detection); null with no code
 * @param status         ladder position
 * @param score          verified objective; null unless valid
 * @param strictScore    strict score of the auto-shrunk construction when valid only under a tolerance
 * @param reward         the combined score the ladder gives it
 * @param feedback       evaluator message (compile error with line, exception, why invalid); null when valid
 * @param metrics        verifier figures
 * @param summary        one-line description of the mutation
 * @param tier           compiler tier word, or null
 * @param construction   the raw output of a valid child (a Java array), for leaderboards; null otherwise
 * @param warmStartFrom  search mode: the program whose construction the child's search started from; null
 *                       when it started from its own {@code initial()} (and always in construct mode)
 */
public record ChildRecord(long id, long parentId, int island, int generation, int step, String code,
                          String normalizedHash, ChildStatus status, Double score, Double strictScore,
                          double reward, String feedback, Map<String, Double> metrics, String summary,
                          String tier, long compileMillis, long runMillis, Object construction, Long warmStartFrom) {
    public ChildRecord {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** A child without a warm start (construct mode). */
    public ChildRecord(long id, long parentId, int island, int generation, int step, String code,
                       String normalizedHash, ChildStatus status, Double score, Double strictScore,
                       double reward, String feedback, Map<String, Double> metrics, String summary,
                       String tier, long compileMillis, long runMillis, Object construction) {
        this(id, parentId, island, generation, step, code, normalizedHash, status, score, strictScore, reward, feedback,
                metrics, summary, tier, compileMillis, runMillis, construction, null);
    }

    public boolean valid() {
        return status == ChildStatus.VALID;
    }
}
