package dev.thetaevolve.llm;

/** Why a request failed; the first three are worth retrying. */
public enum FailureCause {
    /** HTTP 429. */
    RATE_LIMITED(true),
    /** HTTP 5xx. */
    SERVER_ERROR(true),
    /** Refused, reset or broken connection. */
    CONNECTION(true),
    /** No answer within the per-request timeout (the exchange is aborted, not retried). */
    TIMEOUT(false),
    /** HTTP 4xx other than 429: a bad request will not get better. */
    CLIENT_ERROR(false),
    /** Unparseable or truncated JSON, or no choices. */
    MALFORMED(false),
    /** The run's token or cost budget is spent; the request was never sent. */
    BUDGET_EXHAUSTED(false);

    private final boolean retryable;

    FailureCause(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
