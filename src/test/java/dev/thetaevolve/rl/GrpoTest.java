package dev.thetaevolve.rl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GrpoTest {

    @Test
    void advantages_handComputedGroup() {
        // mean 2, population std sqrt(2/3)
        double[] a = Grpo.advantages(new double[] {1, 2, 3});
        double std = Math.sqrt(2.0 / 3);
        assertThat(a[0]).isCloseTo(-1 / (std + 1e-6), within(1e-12));
        assertThat(a[1]).isCloseTo(0, within(1e-12));
        assertThat(a[2]).isCloseTo(1 / (std + 1e-6), within(1e-12));
    }

    @Test
    void advantages_equalRewardsOrSingleSampleGiveZero() {
        for (double a : Grpo.advantages(new double[] {-0.2, -0.2, -0.2})) assertThat(a).isCloseTo(0, within(1e-9));
        assertThat(Grpo.advantages(new double[] {5})).containsExactly(0.0);
        assertThat(Grpo.advantages(new double[0])).isEmpty();
    }

    @ParameterizedTest(name = "ratio e^{0}, A={1} -> {2}")
    @CsvSource({
            // log ratio, advantage, expected surrogate
            "0.0, 2.0, 2.0",                       // on-policy: ratio 1
            "0.5, 1.0, 1.28",                      // ratio 1.6487 > 1.28, A > 0: clipped at 1 + 0.28
            "0.5, -1.0, -1.6487212707001282",      // A < 0: the unclipped (worse) value wins
            "-0.5, 1.0, 0.6065306597126334",       // ratio 0.6065 < 0.8, A > 0: the unclipped (worse) value wins
            "-0.5, -1.0, -0.8",                    // A < 0: clipped at 1 - 0.2
            "0.1, 1.0, 1.1051709180756477",        // inside the clip range
    })
    void surrogate_handComputedCases(double logRatio, double advantage, double expected) {
        assertThat(Grpo.surrogate(-1.0 + logRatio, -1.0, advantage, 0.2, 0.28)).isCloseTo(expected, within(1e-9));
    }
}
