package dev.thetaevolve.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** A problem: its spec and its trusted verifier. Immutable and thread-safe. */
public record Problem(ProblemSpec spec, Verifier verifier) {

    public String id() {
        return spec.id();
    }

    public Direction direction() {
        return spec.direction();
    }

    /**
     * Verifies a raw output: checks its Java type first, then lets the verifier recompute the objective.
     * A verifier that throws is a bug in trusted code; it still yields an invalid verdict, never a crash.
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
            return Verification.invalid("verifier failed on this output: " + e);
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
}
