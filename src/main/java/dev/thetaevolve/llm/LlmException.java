package dev.thetaevolve.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A failed request, with a {@link FailureCause}, the HTTP status when there was one (else 0) and the
 * server's {@code Retry-After} when it sent one.
 */
public class LlmException extends RuntimeException {
    private final FailureCause failure;
    private final int status;
    private final Duration retryAfter;
    private final String detail;

    public LlmException(FailureCause failure, int status, String message, Throwable cause) {
        this(failure, status, message, cause, null);
    }

    public LlmException(FailureCause failure, int status, String message, Throwable cause, Duration retryAfter) {
        super(failure + (status > 0 ? " (HTTP " + status + ")" : "") + ": " + message, cause);
        this.failure = failure;
        this.status = status;
        this.retryAfter = retryAfter;
        this.detail = message;
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

    /** How long the server asked us to wait before retrying ({@code Retry-After}); null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The message without its cause and status prefix. */
    public String detail() {
        return detail;
    }

    /** The same failure with {@code hint} appended to its message. */
    public LlmException withHint(String hint) {
        return new LlmException(failure, status, detail + "; " + hint, getCause(), retryAfter);
    }

    /** Maps an HTTP error status to its failure; {@code body} is an excerpt for the message. */
    public static LlmException forStatus(int status, String body) {
        return forStatus(status, body, null);
    }

    /**
     * Maps an HTTP error status to its failure; {@code body} is an excerpt for the message and
     * {@code retryAfterHeader} the raw {@code Retry-After} value (or null), honoured on 429 and 503.
     */
    public static LlmException forStatus(int status, String body, String retryAfterHeader) {
        FailureCause f = status == 429 ? FailureCause.RATE_LIMITED
                : status >= 500 ? FailureCause.SERVER_ERROR : FailureCause.CLIENT_ERROR;
        String excerpt = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
        Duration wait = status == 429 || status == 503 ? parseRetryAfter(retryAfterHeader, Instant.now()) : null;
        return new LlmException(f, status, excerpt.isBlank() ? "no body" : excerpt.strip(), null, wait);
    }

    /**
     * A {@code Retry-After} value (RFC 9110 §10.2.3): delay seconds ({@code "120"}) or an HTTP date
     * ({@code "Wed, 21 Oct 2015 07:28:00 GMT"}), as a wait from {@code now}; a date in the past is zero.
     * Null when absent or unreadable.
     */
    public static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
