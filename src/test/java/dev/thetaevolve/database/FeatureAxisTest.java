package dev.thetaevolve.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureAxisTest {

    @Test
    void bin_fixedBounds_clampsOutsideValuesToEdgeBins() {
        FeatureAxis axis = FeatureAxis.fixed(10, new Bounds(0, 1));
        assertThat(axis.observe(5)).isFalse();
        assertThat(axis.bin(-3)).isZero();
        assertThat(axis.bin(0.05)).isZero();
        assertThat(axis.bin(0.55)).isEqualTo(5);
        assertThat(axis.bin(1)).isEqualTo(9);
        assertThat(axis.bin(7)).isEqualTo(9);
    }

    @Test
    void observe_firstValue_setsDegenerateBoundsAndBinZero() {
        FeatureAxis axis = FeatureAxis.adaptive(32);
        assertThat(axis.observe(2.5)).isFalse();
        assertThat(axis.observe(2.5)).isFalse();
        assertThat(axis.bin(2.5)).isZero();
    }

    @Test
    void observe_valueOutside_widensToObservedRangePlusAnEighth() {
        FeatureAxis axis = FeatureAxis.adaptive(8);
        axis.observe(0);
        assertThat(axis.observe(8)).isTrue();
        assertThat(axis.low()).isEqualTo(-1);
        assertThat(axis.high()).isEqualTo(9);
        assertThat(axis.observe(8.5)).isFalse();
        assertThat(axis.bin(-1)).isZero();
        assertThat(axis.bin(8.9)).isEqualTo(7);
    }

    @Test
    void observe_steadyRecords_rebinLogarithmically() {
        FeatureAxis axis = FeatureAxis.adaptive(32);
        int moves = 0;
        for (int i = 0; i < 1_000_000; i++) if (axis.observe(i)) moves++;
        // Each move grows the span by at least 12.5 %: log_1.125(10^6) ≈ 117.
        assertThat(moves).isLessThanOrEqualTo(118);
    }
}
