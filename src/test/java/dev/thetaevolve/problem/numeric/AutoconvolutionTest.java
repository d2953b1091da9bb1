package dev.thetaevolve.problem.numeric;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AutoconvolutionTest {

    @Test
    void full_smallInput_matchesHandComputation() {
        assertThat(Autoconvolution.full(new double[] {1, 2, 3})).containsExactly(1, 4, 10, 12, 9);
        assertThat(Autoconvolution.full(new double[] {5})).containsExactly(25);
    }

    @Test
    void full_randomSignedInput_matchesNaiveDoubleLoop() {
        Random rnd = new Random(7);
        double[] h = new double[301];
        for (int i = 0; i < h.length; i++) h[i] = rnd.nextGaussian();
        double[] g = Autoconvolution.full(h);
        for (int k = 0; k < g.length; k++) {
            double s = 0, scale = 0;
            for (int i = 0; i < h.length; i++) {
                int j = k - i;
                if (j >= 0 && j < h.length) {
                    s += h[i] * h[j];
                    scale += Math.abs(h[i] * h[j]);
                }
            }
            assertThat(g[k]).isCloseTo(s, within(1e-13 * scale));
        }
    }

    @Test
    void full_emptyOrTooLong_rejected() {
        assertThatThrownBy(() -> Autoconvolution.full(new double[0])).hasMessageContaining("got 0");
        assertThatThrownBy(() -> Autoconvolution.full(new double[Autoconvolution.MAX_LENGTH + 1])).hasMessageContaining("got 50001");
    }
}
