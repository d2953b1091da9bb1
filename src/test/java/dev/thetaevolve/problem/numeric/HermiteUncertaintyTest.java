package dev.thetaevolve.problem.numeric;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HermiteUncertaintyTest {

    @Test
    void hermite_knownPolynomials_physicistsConvention() {
        // H4 = 16x^4 − 48x^2 + 12; H12(0) = 12!/6! = 665280
        RationalPolynomial h4 = HermiteUncertainty.hermite(4);
        assertThat(h4.coefficient(4)).isEqualTo(new BigFraction(16));
        assertThat(h4.coefficient(2)).isEqualTo(new BigFraction(-48));
        assertThat(h4.coefficient(0)).isEqualTo(new BigFraction(12));
        assertThat(HermiteUncertainty.hermite(12).coefficient(0)).isEqualTo(new BigFraction(665280));
        assertThat(HermiteUncertainty.hermite(12).leading()).isEqualTo(new BigFraction(4096));
    }

    @Test
    void evaluate_alphaEvolveCoefficients_sympyRootAndValue() {
        HermiteUncertainty.Result r = HermiteUncertainty.evaluate(0.3292519302257546, -0.01158510802599293, -8.921606035407065e-05);

        assertThat(r.root()).isEqualTo(1.4873815648913755);
        assertThat(r.c3()).isEqualTo(-6.064762584024884e-08);
        assertThat(r.signFlipped()).isTrue();
        assertThat(r.value()).isEqualTo(r.root() * r.root() / (2 * Math.PI), org.assertj.core.api.Assertions.within(1e-16));
    }

    @Test
    void evaluate_negatedCoefficients_sameValueOppositeFlip() {
        HermiteUncertainty.Result a = HermiteUncertainty.evaluate(-1.13, 0.04, 0.00030864197530864197);
        HermiteUncertainty.Result b = HermiteUncertainty.evaluate(1.13, -0.04, -0.00030864197530864197);

        assertThat(b.value()).isEqualTo(a.value());
        assertThat(b.signFlipped()).isNotEqualTo(a.signFlipped());
    }

    @Test
    void evaluate_allZero_rejected() {
        assertThatThrownBy(() -> HermiteUncertainty.evaluate(0, 0, 0)).hasMessageContaining("identically zero");
    }
}
