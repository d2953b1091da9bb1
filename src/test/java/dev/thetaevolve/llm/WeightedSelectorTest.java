package dev.thetaevolve.llm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class WeightedSelectorTest {

    @Test
    void pick_followsWeights() {
        var a = LlmEndpoint.of("http://127.0.0.1:8000/v1", "a", null).withWeight(3);
        var b = LlmEndpoint.of("http://127.0.0.1:8001/v1", "b", null);
        var s = new WeightedSelector(List.of(a, b), new SplittableRandom(5));
        int as = 0;
        for (int i = 0; i < 4000; i++) if (s.pick() == a) as++;
        assertThat(as).isBetween(2850, 3150);
    }
}
