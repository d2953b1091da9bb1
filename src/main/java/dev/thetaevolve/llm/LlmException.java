package dev.thetaevolve.llm;

/** A failed request, with a {@link FailureCause} and the HTTP status when there was one (else 0). */
public class LlmException extends RuntimeException {
    private final FailureCause failure;
    private final int status;

    public LlmException(FailureCause failure, int status, String message, Throwable cause) {
        super(failure + (status > 0 ? " (HTTP " + status + ")" : "") + ": " + message, cause);
        this.failure = failure;
        this.status = status;
    }

    public LlmException(FailureCause failure, String message) {
        this(failure, 0, message, null);
    }

    public FailureCause failure() {
        return failure;
    }

    public int status() {
        return status;
    }

    /** Maps an HTTP error status to its failure; {@code body} is an excerpt for the message. */
    public static LlmException forStatus(int status, String body) {
        FailureCause f = status == 429 ? FailureCause.RATE_LIMITED
                : status >= 500 ? FailureCause.SERVER_ERROR : FailureCause.CLIENT_ERROR;
        String excerpt = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
        return new LlmException(f, status, excerpt.isBlank() ? "no body" : excerpt.strip(), null);
    }
}
