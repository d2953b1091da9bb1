package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.Verification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every AlphaEvolve reference construction is strictly valid and scores its recomputed value. */
class GeometricReferenceTest {

    static final java.util.List<String> IDS = GeometryFixtures.IDS;

    @ParameterizedTest
    @FieldSource("IDS")
    void verifyJson_referenceConstruction_strictlyValidWithRecomputedValue(String id) {
        Problem problem = GeometryFixtures.problem(id);
        Verification v = problem.verifyJson(GeometryFixtures.reference(id).get("data"), 0);
        double expected = GeometryFixtures.recomputedValue(id);

        assertThat(v.reason()).isNull();
        assertThat(v.valid()).isTrue();
        assertThat(v.score()).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        assertThat(v.strictScore()).isNull();
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verifyJson_referenceAtSearchTolerance_sameScoreNoShrink(String id) {
        Verification v = GeometryFixtures.problem(id).verifyJson(GeometryFixtures.reference(id).get("data"), 1e-6);

        assertThat(v.valid()).isTrue();
        assertThat(v.score()).isCloseTo(GeometryFixtures.recomputedValue(id), within(1e-9 * GeometryFixtures.recomputedValue(id)));
        assertThat(v.strictScore()).isNull();
    }
}
