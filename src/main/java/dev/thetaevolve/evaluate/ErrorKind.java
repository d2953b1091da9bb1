package dev.thetaevolve.evaluate;

/** Why an evaluation produced no valid score. */
public enum ErrorKind {
    /** Neither Janino nor javac compiled it; the message carries the candidate's own line numbers. */
    COMPILE,
    /** It references a class or member outside the allow-list; the message names the symbol. */
    FORBIDDEN,
    /** {@code solve()} ran past the problem's wall-clock limit; its worker was killed. */
    TIMEOUT,
    /** It exhausted the worker heap. */
    MEMORY,
    /** It threw (stack overflow included) or its worker died under it. */
    RUNTIME,
    /** It returned something the verifier rejects: wrong type or shape, NaN, broken constraints, too large. */
    INVALID_OUTPUT,
    /** The evaluator itself failed; not the candidate's fault. */
    INTERNAL
}
