package dev.thetaevolve.problem;

import java.util.Map;

/**
 * What a verifier concluded about one raw construction. The score is always recomputed from the raw
 * numbers; nothing a candidate claims is trusted.
 *
 * @param valid       whether every constraint holds at the tolerance asked for
 * @param score       the objective value, recomputed; NaN when invalid
 * @param metrics     extra figures (margins, counts) a model or a person can act on; never null
 * @param reason      why the construction is invalid, phrased so a model can fix it; null when valid
 * @param strictScore for a construction valid only under a tolerance and then shrunk to a strictly valid
 *                    one (auto-formalization): the shrunk construction's strict score; else null
 * @param strictConstruction that shrunk, strictly valid construction, in the problem's return type (what
 *                    {@code verify --out} writes for a leaderboard submission); null where strictScore is
 */
public record Verification(boolean valid, double score, Map<String, Double> metrics, String reason, Double strictScore,
                           Object strictConstruction) {

    public Verification {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    public Verification(boolean valid, double score, Map<String, Double> metrics, String reason, Double strictScore) {
        this(valid, score, metrics, reason, strictScore, null);
    }

    public static Verification valid(double score, Map<String, Double> metrics) {
        return new Verification(true, score, metrics, null, null);
    }

    public static Verification valid(double score) {
        return valid(score, Map.of());
    }

    public static Verification invalid(String reason) {
        return new Verification(false, Double.NaN, Map.of(), reason, null);
    }

    /** The same verdict, carrying the strict score of its shrunk, strictly valid version. */
    public Verification withStrictScore(double strict) {
        return new Verification(valid, score, metrics, reason, strict, null);
    }

    /** The same verdict, carrying its shrunk, strictly valid version and that version's strict score. */
    public Verification withStrict(double strict, Object construction) {
        return new Verification(valid, score, metrics, reason, strict, construction);
    }
}
