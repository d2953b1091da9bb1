package dev.thetaevolve.evaluate;

/** An error kind with a message a model can act on. */
public record EvalError(ErrorKind kind, String message) {
}
