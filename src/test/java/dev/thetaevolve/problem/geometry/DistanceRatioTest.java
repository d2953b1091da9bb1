package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The min/max distance ratio verifiers (16 points in 2D, 14 in 3D) through the catalog. */
class DistanceRatioTest {

    static final List<String> IDS = List.of("min_max_distance_ratio_16_2d", "min_max_distance_ratio_14_3d");

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_twoPointsCoincide_rejectedNamingThem(String id) {
        double[][] p = GeometryFixtures.referenceData(id);
        p[7] = p[2].clone();

        assertThat(GeometryFixtures.problem(id).verify(p, 1e-6).reason())
                .isEqualTo("points 2 and 7 coincide (distance 0), so the ratio is undefined; keep all points distinct");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_nan_rejected(String id) {
        double[][] p = GeometryFixtures.referenceData(id);
        p[1][0] = Double.NaN;

        assertThat(GeometryFixtures.problem(id).verify(p, 0).reason()).isEqualTo("row 1 holds a non-finite number at position 0: NaN");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_infinity_rejected(String id) {
        double[][] p = GeometryFixtures.referenceData(id);
        p[0][1] = Double.NEGATIVE_INFINITY;

        assertThat(GeometryFixtures.problem(id).verify(p, 0).reason()).isEqualTo("row 0 holds a non-finite number at position 1: -Infinity");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_wrongCount_rejected(String id) {
        double[][] ref = GeometryFixtures.referenceData(id);
        String layout = ref[0].length == 2 ? "{x, y}" : "{x, y, z}";

        assertThat(GeometryFixtures.problem(id).verify(GeometryFixtures.dropLast(ref), 0).reason())
                .isEqualTo("expected " + ref.length + " points (rows " + layout + "), got " + (ref.length - 1) + " rows");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_wrongRowLength_rejected(String id) {
        double[][] p = GeometryFixtures.referenceData(id);
        int dim = p[0].length;
        p[4] = new double[dim + 1];

        assertThat(GeometryFixtures.problem(id).verify(p, 0).reason()).startsWith("row 4 must hold exactly " + dim + " numbers").endsWith("got " + (dim + 1));
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_scaledAndShiftedReference_sameScore(String id) {
        double[][] p = GeometryFixtures.referenceData(id);
        for (double[] q : p) for (int k = 0; k < q.length; k++) q[k] = 3 * q[k] + 1;

        Verification v = GeometryFixtures.problem(id).verify(p, 0);

        assertThat(v.score()).isCloseTo(GeometryFixtures.recomputedValue(id), within(1e-12 * v.score()));
    }

    @Test
    void verify_equilateralTriangle_ratioOne() {
        double[][] p = {{0, 0}, {1, 0}, {0.5, Math.sqrt(3) / 2}};

        Verification v = DistanceRatio.verify(p, 3, 2);

        assertThat(v.score()).isCloseTo(1.0, within(1e-15));
        assertThat(v.metrics()).containsKeys("min_distance", "max_distance", "ratio");
    }

    @Test
    void verify_unitSquareCorners_ratioSquaredTwo() {
        double[][] p = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}};

        assertThat(DistanceRatio.verify(p, 4, 3).score()).isCloseTo(2.0, within(1e-15));
    }
}
