package dev.thetaevolve.problem.numeric;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummationTest {

    @SuppressWarnings("unchecked")
    private static double[] erdosReference() {
        List<Number> data = (List<Number>) References.load("erdos_minimum_overlap").get("data");
        return data.stream().mapToDouble(Number::doubleValue).toArray();
    }

    @Test
    void correctlyRounded_erdosReference_exactly47point5WhereNaiveLoopMisses() {
        double[] h = erdosReference();
        double naive = 0;
        for (double v : h) naive += v;

        assertThat(Summation.correctlyRounded(h)).isEqualTo(47.5);
        assertThat(Summation.neumaier(h)).isEqualTo(47.5);
        assertThat(naive).isEqualTo(47.499999999999986);
    }

    @Test
    void correctlyRounded_cancellingTerms_exactResult() {
        assertThat(Summation.correctlyRounded(new double[] {1e100, 1.0, -1e100})).isEqualTo(1.0);
        assertThat(Summation.correctlyRounded(new double[] {0.1, 0.2, 0.3})).isEqualTo(0.6);
    }

    @Test
    void nearestDouble_halfwayCase_tiesToEven() {
        BigDecimal halfway = new BigDecimal(1.0).add(new BigDecimal(Math.ulp(1.0)).divide(BigDecimal.valueOf(2)));
        BigDecimal aboveHalfway = halfway.add(new BigDecimal("1e-40"));

        assertThat(Summation.nearestDouble(halfway)).isEqualTo(1.0);
        assertThat(Summation.nearestDouble(aboveHalfway)).isEqualTo(Math.nextUp(1.0));
    }

    @Test
    void correctlyRounded_nonFinite_rejected() {
        assertThatThrownBy(() -> Summation.correctlyRounded(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value 1 is not finite");
    }
}
