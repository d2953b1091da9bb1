package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Verification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;

class FormalizationTest {

    /** Broken by 1e-9: fine at any tolerance of at least that. */
    private static String brokenByOneNano(double tol) {
        return tol >= 1e-9 ? null : "broken by 1e-9";
    }

    @Test
    void verdict_strictMode_invalidWithStrictReason() {
        Verification v = Formalization.verdict(2.0, new HashMap<>(), 0, FormalizationTest::brokenByOneNano, () -> new Formalization.Repaired(1.0, null));

        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).isEqualTo("broken by 1e-9");
    }

    @Test
    void verdict_tolerantAndRepaired_validWithStrictScore() {
        Verification v = Formalization.verdict(2.0, new HashMap<>(), 1e-6, FormalizationTest::brokenByOneNano, () -> new Formalization.Repaired(1.5, new double[][]{{1.5}}));

        assertThat(v.valid()).isTrue();
        assertThat(v.score()).isEqualTo(2.0);
        assertThat(v.strictScore()).isEqualTo(1.5);
        assertThat(v.strictConstruction()).isEqualTo(new double[][]{{1.5}});
        assertThat(v.metrics()).containsEntry("strictly_valid", 0.0).containsEntry("strict_score", 1.5);
    }

    @Test
    void verdict_tolerantButRepairFails_validWithoutStrictScore() {
        Verification v = Formalization.verdict(2.0, new HashMap<>(), 1e-6, FormalizationTest::brokenByOneNano, () -> null);

        assertThat(v.valid()).isTrue();
        assertThat(v.strictScore()).isNull();
        assertThat(v.metrics()).containsEntry("shrink_failed", 1.0);
    }

    @Test
    void verdict_beyondTolerance_invalidSayingSo() {
        Verification v = Formalization.verdict(2.0, new HashMap<>(), 1e-12, FormalizationTest::brokenByOneNano, () -> new Formalization.Repaired(1.0, null));

        assertThat(v.reason()).isEqualTo("broken by 1e-9 (beyond the tolerance 1.0E-12)");
    }
}
