package dev.thetaevolve.llm;

import java.util.Optional;

/**
 * A run-level budget of tokens (prompt + completion) and/or cost. Requests already sent finish and are
 * charged, so a run may overshoot by what was in flight; once spent, no new request goes out and each
 * one asked for fails with {@link BudgetExhaustedException}. Thread-safe.
 */
public final class Budget {
    private final long maxTokens;
    private final double maxCost;
    private long tokens;
    private double cost;

    /** @param maxTokens 0 = unlimited; @param maxCost 0 = unlimited */
    public Budget(long maxTokens, double maxCost) {
        if (maxTokens < 0) throw new IllegalArgumentException("token budget must be >= 0, got " + maxTokens);
        if (!(maxCost >= 0) || Double.isInfinite(maxCost)) throw new IllegalArgumentException("cost budget must be >= 0, got " + maxCost);
        this.maxTokens = maxTokens;
        this.maxCost = maxCost;
    }

    public static Budget unlimited() {
        return new Budget(0, 0);
    }

    synchronized void charge(long usedTokens, double usedCost) {
        tokens += usedTokens;
        cost += usedCost;
    }

    public synchronized long tokensUsed() {
        return tokens;
    }

    public synchronized double costUsed() {
        return cost;
    }

    /** True once either limit is reached: the engine marks the run budget-exhausted. */
    public boolean exhausted() {
        return exhaustedReason().isPresent();
    }

    public synchronized Optional<String> exhaustedReason() {
        if (maxTokens > 0 && tokens >= maxTokens) return Optional.of("token budget spent: " + tokens + " of " + maxTokens + " tokens");
        if (maxCost > 0 && cost >= maxCost) return Optional.of("cost budget spent: " + cost + " of " + maxCost);
        return Optional.empty();
    }
}
