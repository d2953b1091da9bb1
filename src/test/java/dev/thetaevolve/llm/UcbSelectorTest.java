package dev.thetaevolve.llm;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UcbSelectorTest {
    private static final LlmEndpoint A = LlmEndpoint.of("http://127.0.0.1:8000/v1", "small", null);
    private static final LlmEndpoint B = LlmEndpoint.of("http://127.0.0.1:8001/v1", "large", null);

    @Test
    void pick_triesEachEndpointBeforeAnyReward() {
        var ucb = new UcbSelector(List.of(A, B), 1.0);
        assertThat(List.of(ucb.pick(), ucb.pick())).containsExactlyInAnyOrder(A, B);
    }

    @Test
    void pick_prefersHigherRewardPerTokenAfterLearning() {
        var ucb = new UcbSelector(List.of(A, B), 0.5);
        Map<LlmEndpoint, Integer> picks = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            LlmEndpoint e = ucb.pick();
            picks.merge(e, 1, Integer::sum);
            // same reward, but B spends 4x the tokens: A pays more per token
            ucb.reward(e.name(), 1.0, e == A ? 1000 : 4000);
        }
        assertThat(ucb.value(A.name())).isEqualTo(1.0);
        assertThat(ucb.value(B.name())).isEqualTo(0.25);
        assertThat(picks.get(A)).isGreaterThan(300);
        assertThat(picks.get(B)).isGreaterThan(0);
    }

    @Test
    void reward_ignoresUnknownEndpointsAndNonFiniteRewards() {
        var ucb = new UcbSelector(List.of(A), 1.0);
        ucb.reward("nope", 1, 10);
        ucb.reward(A.name(), Double.NaN, 10);
        assertThat(ucb.value(A.name())).isZero();
    }
}
