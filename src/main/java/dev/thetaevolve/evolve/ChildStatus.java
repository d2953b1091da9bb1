package dev.thetaevolve.evolve;

import dev.thetaevolve.evaluate.ErrorKind;

/**
 * Where a child landed on the reward ladder (DESIGN.md §6). The reward of every non-valid status is fixed;
 * a valid child's reward is its objective (see {@link Rewards}).
 */
public enum ChildStatus {
    VALID(Double.NaN),
    /** The sample held no applicable SEARCH/REPLACE block (and no usable rewrite). Never evaluated. */
    NO_DIFF(-0.4),
    /** Equal to its parent after normalization. Never evaluated. */
    LAZY(-0.3),
    /** Level 2 lazy: equal to a program already in the run (by normalized hash). Never evaluated. */
    DUPLICATE(-0.3),
    COMPILE(-0.2),
    FORBIDDEN(-0.2),
    TIMEOUT(-0.2),
    MEMORY(-0.2),
    RUNTIME(-0.2),
    INVALID_OUTPUT(-0.1),
    /** Code over the size cap: never evaluated. */
    TOO_LONG(-1.0),
    INTERNAL(-1.0),
    /**
     * The sample never arrived (the model server failed, timed out or answered nothing usable): no code, the
     * cause in the feedback, {@code "sample failed: CAUSE"} as summary. Never evaluated and never learned
     * from (observers and the mutator are not told about it).
     */
    SAMPLE_FAILED(-1.0);

    private final double reward;

    ChildStatus(double reward) {
        this.reward = reward;
    }

    /** The ladder value; NaN for VALID, whose reward is its objective. */
    public double ladderReward() {
        return reward;
    }

    public boolean evaluated() {
        return this != NO_DIFF && this != LAZY && this != DUPLICATE && this != TOO_LONG && this != SAMPLE_FAILED;
    }

    public static ChildStatus of(ErrorKind kind) {
        return switch (kind) {
            case COMPILE -> COMPILE;
            case FORBIDDEN -> FORBIDDEN;
            case TIMEOUT -> TIMEOUT;
            case MEMORY -> MEMORY;
            case RUNTIME -> RUNTIME;
            case INVALID_OUTPUT -> INVALID_OUTPUT;
            case INTERNAL -> INTERNAL;
        };
    }
}
