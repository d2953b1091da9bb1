package dev.thetaevolve.evaluate;

import java.util.Map;

/**
 * The outcome of evaluating one candidate (or verifying one raw construction).
 *
 * @param valid         true when the output passed verification at the tolerance asked for
 * @param score         the objective recomputed by the verifier from the raw output; null unless valid
 * @param metrics       verifier figures; never null
 * @param error         null when valid; else the kind and a message
 * @param tier          the compiler that produced the classes; null when nothing was compiled
 * @param compileMillis time spent compiling (0 when nothing was compiled)
 * @param runMillis     time spent in {@code solve()} (0 when it never ran)
 * @param output        the raw construction (a Java array of the problem's return type) when it ran; may be
 *                      kept for leaderboards; null otherwise
 * @param strictScore   strict score of the auto-shrunk construction when valid only under a tolerance
 */
public record Verdict(boolean valid, Double score, Map<String, Double> metrics, EvalError error, Tier tier,
                      long compileMillis, long runMillis, Object output, Double strictScore) {

    public Verdict {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        if (valid == (error != null)) throw new IllegalArgumentException("a verdict is valid exactly when it has no error");
    }

    public static Verdict failed(ErrorKind kind, String message, Tier tier, long compileMillis, long runMillis) {
        return new Verdict(false, null, Map.of(), new EvalError(kind, message), tier, compileMillis, runMillis, null, null);
    }

    public ErrorKind errorKind() {
        return error == null ? null : error.kind();
    }
}
