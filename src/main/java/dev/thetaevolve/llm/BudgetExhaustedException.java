package dev.thetaevolve.llm;

/** Sampling stopped because the run's token or cost budget is spent: mark the run budget-exhausted. */
public final class BudgetExhaustedException extends LlmException {
    public BudgetExhaustedException(String reason) {
        super(FailureCause.BUDGET_EXHAUSTED, reason);
    }
}
