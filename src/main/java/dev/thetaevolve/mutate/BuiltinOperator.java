package dev.thetaevolve.mutate;

/** The edits the {@link BuiltinMutator} makes, each with its default sampling weight. */
public enum BuiltinOperator {
    /** Relative log-normal change of a floating literal (scale log-uniform in 1e-4..0.3); ±1, ±2, ×2, ÷2 of an integer literal. */
    PERTURB_LITERAL(0.62),
    /** {@code + ↔ -}, {@code * ↔ /} (by a non-zero literal), {@code < ↔ <=}, {@code > ↔ >=}, {@code Math.min ↔ Math.max}. */
    SWAP_OPERATOR(0.08),
    /** Repeats a statement right after itself. */
    DUPLICATE_STATEMENT(0.04),
    /** Removes a statement (never a declaration or a return). */
    DELETE_STATEMENT(0.04),
    /** Exchanges two adjacent statements of a block. */
    SWAP_STATEMENTS(0.04),
    /** Moves a for-loop bound by one: {@code i < n} to {@code i < n - 1} or {@code i < n + 1}. */
    LOOP_BOUND(0.08),
    /** Replaces a method body with the body of the same-signature method of an inspiration program. */
    CROSSOVER(0.10);

    private final double defaultWeight;

    BuiltinOperator(double defaultWeight) {
        this.defaultWeight = defaultWeight;
    }

    public double defaultWeight() {
        return defaultWeight;
    }
}
