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

    /** A repaired construction (the problem's return type) and its strict score. */
    record Repaired(double score, Object construction) {
    }

    /**
     * @param violation the first constraint broken by more than the given tolerance, as a reason; null when none
     * @param repair    the repaired construction and its strict score, or null when repair fails; called
     *                  only for a construction valid at {@code tol} but not strictly
     */
    static Verification verdict(double score, Map<String, Double> metrics, double tol, DoubleFunction<String> violation, Supplier<Repaired> repair) {
        String strict = violation.apply(0);
        if (strict == null) {
            metrics.put("strictly_valid", 1.0);
            return Verification.valid(score, metrics);
        }
        if (tol == 0) return Verification.invalid(strict);
        String tolerant = violation.apply(tol);
        if (tolerant != null) return Verification.invalid(tolerant + " (beyond the tolerance " + tol + ")");
        metrics.put("strictly_valid", 0.0);
        Repaired repaired = repair.get();
        if (repaired == null) {
            metrics.put("shrink_failed", 1.0);
            return Verification.valid(score, metrics);
        }
        metrics.put("strict_score", repaired.score());
        return Verification.valid(score, metrics).withStrict(repaired.score(), repaired.construction());
    }
}
