package dev.thetaevolve.evaluate;

/**
 * The one way an {@link Evaluator}'s future may complete exceptionally: the evaluator cannot evaluate at all
 * for now (a remote broker that stays unreachable, no evaluator process taking jobs). It says nothing about
 * the candidate, so it must not become a child's verdict: the step in progress fails with this message, and
 * resuming the run redoes it.
 */
public final class EvaluatorUnavailableException extends RuntimeException {
    public EvaluatorUnavailableException(String message) {
        super(message);
    }

    public EvaluatorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
