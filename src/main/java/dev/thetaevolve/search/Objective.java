package dev.thetaevolve.search;

import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.ReturnType;
import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;

/**
 * The problem's objective as a search-mode candidate may call it: the same verifier logic the service
 * trusts, at the run's tolerance. It only guides a search; its answers never decide a stored score (the
 * service re-verifies the raw output strictly). A candidate holds no reference to the verifier, cannot
 * build an Objective itself (the factory's signature names types off the allow-list) and cannot change
 * one: every field is final and nothing it passes in is kept.
 *
 * <p>Not thread-safe (the worker runs one candidate at a time); stateless apart from a call counter.
 */
public final class Objective {

    private final Verifier verifier;
    private final ReturnType type;
    private final Direction direction;
    private final double tolerance;
    private long calls;

    private Objective(Verifier verifier, ReturnType type, Direction direction, double tolerance) {
        this.verifier = verifier;
        this.type = type;
        this.direction = direction;
        this.tolerance = tolerance;
    }

    /** Trusted code only (worker, tests): the objective of {@code verifier} for constructions of {@code type}. */
    public static Objective of(Verifier verifier, ReturnType type, Direction direction, double tolerance) {
        if (verifier == null || type == null || direction == null) throw new IllegalArgumentException("verifier, type and direction are required");
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) throw new IllegalArgumentException("tolerance must be a finite number >= 0, got '" + tolerance + "'");
        return new Objective(verifier, type, direction, tolerance);
    }

    /** True when larger scores are better. */
    public boolean maximize() {
        return direction == Direction.MAXIMIZE;
    }

    /** The verifier's objective of {@code construction}; NaN when it is invalid or of another type. */
    public double score(Object construction) {
        Verification v = verify(construction);
        return v != null && v.valid() && Double.isFinite(v.score()) ? v.score() : Double.NaN;
    }

    /** Whether the verifier accepts {@code construction} at the run's tolerance. */
    public boolean valid(Object construction) {
        return !Double.isNaN(score(construction));
    }

    /**
     * How far {@code construction} is from valid: 0 when valid, else positive (smooth-ish where the
     * problem defines a measure, else 1); +Infinity for another type or shape.
     */
    public double violation(Object construction) {
        calls++;
        if (construction == null || !type.accepts(construction)) return Double.POSITIVE_INFINITY;
        try {
            double v = verifier.violation(construction);
            return Double.isNaN(v) || v < 0 ? Double.POSITIVE_INFINITY : v;
        } catch (RuntimeException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** True when {@code a} is valid and {@code b} is invalid or scores strictly worse. */
    public boolean better(Object a, Object b) {
        double sa = score(a);
        if (Double.isNaN(sa)) return false;
        return direction.better(sa, score(b));
    }

    /** Calls made so far (score, valid, violation, better each count their verifications). */
    public long calls() {
        return calls;
    }

    private Verification verify(Object construction) {
        calls++;
        if (construction == null || !type.accepts(construction)) return null;
        try {
            return verifier.verify(construction, tolerance);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
