package dev.thetaevolve.cli;

/** A user mistake: the CLI prints its message and exits 2. */
public class UsageError extends RuntimeException {
    public UsageError(String message) {
        super(message);
    }
}
