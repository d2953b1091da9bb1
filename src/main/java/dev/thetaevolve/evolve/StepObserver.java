package dev.thetaevolve.evolve;

import dev.thetaevolve.mutate.Parent;
import dev.thetaevolve.mutate.Sample;

import java.util.List;

/**
 * Told about every step once it is committed (store and index), before the next step starts: the hook
 * for test-time RL (a policy update, a rollout log, a trainer bridge). Runs on the engine's thread, so the
 * next step waits for it; an exception thrown here propagates out of {@link Engine#step()} after the
 * commit, which stays done.
 */
@FunctionalInterface
public interface StepObserver {

    /** {@code children} in commit order; each with the parent and the raw sample it came from. */
    void stepCommitted(StepSummary summary, List<Child> children);

    /** A committed child together with what produced it. */
    record Child(ChildRecord record, Parent parent, Sample sample) {
    }
}
