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
 */
public record Parent(long id, String code, Double score, Map<String, Double> metrics, String feedback) {
    public Parent {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }
}
