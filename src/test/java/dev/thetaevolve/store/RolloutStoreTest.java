package dev.thetaevolve.store;

import dev.thetaevolve.rl.Rollout;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class RolloutStoreTest {
    @Inject
    RolloutStore store;

    @Test
    void commit_roundTripsRolloutsAndKeepsTheNewestCheckpoints() {
        long run = 987_654L;
        var sink = store.sink(run);
        assertThat(sink.latestCheckpoint()).isEmpty();
        Rollout a = new Rollout(1, "s1-p0", 1, 0, "op=PERTURB_LITERAL", "perturb literal 0.5 -> 0.51", "VALID", 2.5, 0.9, List.of(-1.25));
        Rollout b = new Rollout(1, "s1-p0", 2, 0, "op=LOOP_BOUND", "loop bound", "COMPILE", -0.2, -0.9, List.of());
        for (int step = 1; step <= 5; step++) sink.commit(step, step == 1 ? List.of(a, b) : List.of(), new byte[] {(byte) step, 7});
        assertThat(store.rollouts(run, 1)).containsExactly(a, b);
        assertThat(sink.latestCheckpoint()).hasValueSatisfying(c -> {
            assertThat(c.step()).isEqualTo(5);
            assertThat(c.bytes()).containsExactly(5, 7);
        });
        assertThat(store.checkpoints(run)).isEqualTo(RolloutStore.KEEP_CHECKPOINTS);
    }
}
