package dev.thetaevolve.rl;

import java.util.List;
import java.util.Optional;

/**
 * Where rollouts and policy checkpoints go: the run's store in the service
 * ({@code dev.thetaevolve.store.RolloutStore}), {@link InMemoryRolloutSink} in tests and experiments.
 * Called on the engine's thread after each step commit.
 */
public interface RolloutSink {

    /** Records one step's rollouts and, when non-null, the policy as it stands after that step's update. */
    void commit(int step, List<Rollout> rollouts, byte[] checkpoint);

    /** The newest checkpoint with its step, to resume a run's policy; empty when none was saved. */
    Optional<Checkpoint> latestCheckpoint();

    /** Serialized policy parameters after step {@code step}. */
    record Checkpoint(int step, byte[] bytes) {
        public Checkpoint {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }
}
