package dev.thetaevolve.mutate;

import java.util.Map;

/**
 * A program as a mutator sees it, passed by value: never the database.
 *
 * @param id       run-local program id
 * @param code     full source
 * @param score    the verified objective, or null when it was not valid
 * @param metrics  verifier figures at full precision
 * @param feedback evaluator feedback (compile error with its line, exception, why invalid); null when valid
 * @param construction its stored construction when valid (search mode's warm start): the raw array, or its
 *                 JSON-decoded form (Lists of Numbers) when read back from a store; null otherwise
 */
public record Parent(long id, String code, Double score, Map<String, Double> metrics, String feedback, Object construction) {
    public Parent {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** A parent without its construction (construct mode does not need it). */
    public Parent(long id, String code, Double score, Map<String, Double> metrics, String feedback) {
        this(id, code, score, metrics, feedback, null);
    }
}
