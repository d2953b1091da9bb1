package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Verification;

import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;

/**
 * The verdict flow shared by verifiers whose constraints a tolerance relaxes: strictly valid → valid;
 * strict mode → invalid with the strict reason; else valid at the tolerance → valid, carrying the strict
 * score of the repaired (auto-formalized) construction; else invalid with the tolerant reason.
 */
final class Formalization {

    private Formalization() {
    }

    /**
     * @param violation the first constraint broken by more than the given tolerance, as a reason; null when none
     * @param repair    the strict score of the repaired construction, or null when repair fails; called
     *                  only for a construction valid at {@code tol} but not strictly
     */
    static Verification verdict(double score, Map<String, Double> metrics, double tol, DoubleFunction<String> violation, Supplier<Double> repair) {
        String strict = violation.apply(0);
        if (strict == null) {
            metrics.put("strictly_valid", 1.0);
            return Verification.valid(score, metrics);
        }
        if (tol == 0) return Verification.invalid(strict);
        String tolerant = violation.apply(tol);
        if (tolerant != null) return Verification.invalid(tolerant + " (beyond the tolerance " + tol + ")");
        metrics.put("strictly_valid", 0.0);
        Double strictScore = repair.get();
        if (strictScore == null) {
            metrics.put("shrink_failed", 1.0);
            return Verification.valid(score, metrics);
        }
        metrics.put("strict_score", strictScore);
        return Verification.valid(score, metrics).withStrictScore(strictScore);
    }
}
