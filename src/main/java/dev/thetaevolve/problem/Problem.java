package dev.thetaevolve.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A problem: its spec and its trusted verifier, with the verifier's source when it was compiled from one
 * (search-mode workers compile the same source for their {@code Objective}). Immutable and thread-safe.
 */
public record Problem(ProblemSpec spec, Verifier verifier, VerifierSource verifierSource) {

    /** A problem whose verifier has no source here (tests): search mode is not available to it. */
    public Problem(ProblemSpec spec, Verifier verifier) {
        this(spec, verifier, null);
    }

    public String id() {
        return spec.id();
    }

    public Direction direction() {
        return spec.direction();
    }

    /**
     * Verifies a raw output: checks its Java type first, then lets the verifier recompute the objective.
     *
     * @throws VerifierCrash when the verifier throws: a bug in trusted code, logged here with its stack
     *                       trace; evaluators report it as INTERNAL, never as the candidate's invalid output
     */
    public Verification verify(Object output, double tolerance) {
        if (output == null) return Verification.invalid("solve() returned null; it must return a " + spec.returnType().javaName());
        if (!spec.returnType().accepts(output)) {
            return Verification.invalid("solve() must return " + spec.returnType().javaName() + ", got " + output.getClass().getSimpleName());
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) throw new IllegalArgumentException("tolerance must be a finite number >= 0, got " + tolerance);
        try {
            return verifier.verify(output, tolerance);
        } catch (RuntimeException e) {
            VerifierCrash crash = new VerifierCrash(spec.id(), e);
            System.getLogger(Problem.class.getName()).log(System.Logger.Level.ERROR, crash.getMessage(), e);
            throw crash;
        }
    }

    /** Converts JSON-decoded {@code data} (reference layout) and verifies it. */
    public Verification verifyJson(Object json, double tolerance) {
        Object data;
        try {
            data = verifier.fromJson(json, spec.returnType());
        } catch (IllegalArgumentException e) {
            return Verification.invalid(e.getMessage());
        }
        return verify(data, tolerance);
    }

    /** The seed program's source. */
    public String seedSource() {
        try {
            return Files.readString(spec.seedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed program " + spec.seedFile(), e);
        }
    }

    /** The seed program of a mode: {@link #seedSource()} or the search seed. */
    public String seedSource(Mode mode) {
        if (mode == Mode.CONSTRUCT) return seedSource();
        if (!spec.modes().contains(Mode.SEARCH)) throw new IllegalArgumentException("problem " + id() + " has no search mode");
        try {
            return Files.readString(spec.searchSeedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read search seed " + spec.searchSeedFile(), e);
        }
    }
}
