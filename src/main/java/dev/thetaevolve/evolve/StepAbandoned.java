package dev.thetaevolve.evolve;

/**
 * Thrown by {@link Engine#step()} when a stop arrives while the step is still sampling or evaluating: the
 * step is abandoned, nothing of it is committed, and a resume redoes it with the same seed.
 */
public class StepAbandoned extends RuntimeException {
    public StepAbandoned(int step) {
        super("step " + step + " was abandoned by a stop before it could commit");
    }
}
