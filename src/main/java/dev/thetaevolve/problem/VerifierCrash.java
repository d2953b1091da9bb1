package dev.thetaevolve.problem;

/**
 * A trusted verifier threw on a candidate's output: a bug on our side, never the candidate's fault, so it
 * is reported as an internal error (logged with its stack trace where it happened), not as invalid output.
 */
public final class VerifierCrash extends RuntimeException {
    public VerifierCrash(String problem, RuntimeException cause) {
        super("the verifier of " + problem + " crashed: " + cause, cause);
    }
}
