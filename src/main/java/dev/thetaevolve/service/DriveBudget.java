package dev.thetaevolve.service;

import java.util.function.LongSupplier;

/**
 * The budget of one drive of a run, as stored with the run: stop once a target step is committed and/or
 * once a wall-clock allowance is spent. The spent time is what earlier drives of the same budget used
 * (a run adopted after a crash goes on with what is left) plus this drive's laps. Time comes from an
 * injected nanosecond clock. Not thread-safe: the driving thread owns it.
 */
final class DriveBudget {
    private final Integer targetStep;
    private final Long allowanceMillis;
    private final LongSupplier nanoClock;
    private long spentMillis;
    private long lapStart;

    /**
     * @param targetStep      stop once this step is committed (null: no step limit)
     * @param allowanceMillis wall-clock allowance (null: none)
     * @param spentMillis     what earlier drives of this budget spent
     */
    DriveBudget(Integer targetStep, Long allowanceMillis, long spentMillis, LongSupplier nanoClock) {
        this.targetStep = targetStep;
        this.allowanceMillis = allowanceMillis;
        this.spentMillis = spentMillis;
        this.nanoClock = nanoClock;
        this.lapStart = nanoClock.getAsLong();
    }

    /** Ends a lap: the milliseconds since the previous one (or the start), now counted as spent. */
    long lap() {
        long now = nanoClock.getAsLong();
        long ms = (now - lapStart) / 1_000_000;
        lapStart += ms * 1_000_000; // the remainder counts toward the next lap
        spentMillis += ms;
        return ms;
    }

    long spentMillis() {
        return spentMillis;
    }

    Integer targetStep() {
        return targetStep;
    }

    /** Whether a step barrier loop may take another step after {@code committedSteps}. */
    boolean allowsStep(int committedSteps) {
        return (targetStep == null || committedSteps < targetStep) && (allowanceMillis == null || spentMillis < allowanceMillis);
    }

    /** Whether an asynchronous drive has anything to do: steps left, or no step limit. */
    boolean asyncHasWork(int committedSteps) {
        return targetStep == null || targetStep > committedSteps;
    }

    /** Step groups an asynchronous drive may commit (0 = no limit, as {@code Engine.runAsync} reads it). */
    int asyncGroups(int committedSteps) {
        return targetStep == null ? 0 : Math.max(0, targetStep - committedSteps);
    }

    /** The clock reading at which the allowance runs out ({@link Long#MAX_VALUE} without one). */
    long deadlineNanos() {
        if (allowanceMillis == null) return Long.MAX_VALUE;
        return nanoClock.getAsLong() + (allowanceMillis - spentMillis) * 1_000_000;
    }
}
