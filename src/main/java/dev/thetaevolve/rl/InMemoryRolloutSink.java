package dev.thetaevolve.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link RolloutSink} in memory: every rollout and the newest checkpoint. Thread-safe. */
public final class InMemoryRolloutSink implements RolloutSink {
    private final List<Rollout> rollouts = new ArrayList<>();
    private Checkpoint latest;

    @Override
    public synchronized void commit(int step, List<Rollout> stepRollouts, byte[] checkpoint) {
        rollouts.addAll(stepRollouts);
        if (checkpoint != null) latest = new Checkpoint(step, checkpoint);
    }

    @Override
    public synchronized Optional<Checkpoint> latestCheckpoint() {
        return Optional.ofNullable(latest);
    }

    /** Every rollout committed so far, in commit order. */
    public synchronized List<Rollout> rollouts() {
        return List.copyOf(rollouts);
    }
}
