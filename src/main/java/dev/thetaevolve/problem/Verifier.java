package dev.thetaevolve.problem;

/**
 * Trusted code that recomputes a problem's objective from a raw construction. Implementations live in
 * evaluators/&lt;id&gt;/ as Java source compiled by the service itself (Janino, so written in its Java-7-like
 * dialect) and run in the service process, on the plain numbers a worker returned: a candidate can never
 * see, load or touch them.
 *
 * <p>Contract: reject non-finite values, wrong shapes and broken constraints first, with a reason a model
 * can act on; then recompute the objective exactly where the published check is exact. Tolerance 0 is
 * strict (the default, and the only mode leaderboards accept). Implementations are stateless and
 * thread-safe. They never throw for bad data: they answer {@link Verification#invalid(String)}.
 */
public interface Verifier {

    /**
     * Verifies {@code output}, an instance of the problem's declared return type (the caller checks the
     * type), at the given tolerance (0 = strict).
     */
    Verification verify(Object output, double tolerance);

    /**
     * Converts a JSON-decoded construction (Maps, Lists, Numbers) in the layout of
     * shared/reference/alphaevolve/ into the problem's return type. The default handles plain nested
     * arrays; problems whose reference data is an object (hexagons) override it.
     *
     * @throws IllegalArgumentException when the JSON does not have the expected layout
     */
    default Object fromJson(Object json, ReturnType type) {
        return type.fromJson(json);
    }

    /**
     * How far {@code output} (an instance of the return type) is from valid, for search heuristics: 0 when
     * strictly valid, else a positive figure. Problems with a natural measure (circle packings: the sum of
     * overlaps and wall excesses) override it to be smooth-ish; the default is 0 or 1. Never decides a
     * score.
     */
    default double violation(Object output) {
        return verify(output, 0).valid() ? 0 : 1;
    }
}
