package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The circle-packing verifiers (unit square 26 and 32, perimeter-4 rectangle 21) through the catalog. */
class CirclePackingsTest {

    static final List<String> IDS = List.of("circle_packing_26", "circle_packing_32", "circles_rectangle_perimeter4_21");

    private static double halfPerimeter(String id) {
        return id.startsWith("circles_rectangle") ? 2.0 : Double.NaN;
    }

    /**
     * The reference with the radii of one pair grown so that they overlap by about 1e-9, choosing a pair
     * whose growth breaks nothing else (so the overlap is the only violation). Returns {i, j} in out[0].
     */
    static double[][] overlapByOneNano(double[][] ref, double halfPerimeter, int[] pair) {
        int n = ref.length;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double grow = (gap(ref, i, j) + 1e-9) / 2;
                if (gap(ref, i, j) < bestGap && onlyViolationIsPair(ref, i, j, grow, halfPerimeter)) {
                    bestGap = gap(ref, i, j);
                    pair[0] = i;
                    pair[1] = j;
                }
            }
        }
        double[][] c = GeometryFixtures.copy(ref);
        double grow = (bestGap + 1e-9) / 2;
        c[pair[0]][2] += grow;
        c[pair[1]][2] += grow;
        return c;
    }

    private static double gap(double[][] c, int i, int j) {
        double dx = c[i][0] - c[j][0], dy = c[i][1] - c[j][1];
        return Math.sqrt(dx * dx + dy * dy) - c[i][2] - c[j][2];
    }

    /** Growing i and j by {@code grow} each leaves every other constraint with at least grow/2 to spare. */
    private static boolean onlyViolationIsPair(double[][] ref, int i, int j, double grow, double halfPerimeter) {
        for (int k = 0; k < ref.length; k++) {
            for (int q : new int[] {i, j}) {
                if (k != i && k != j && gap(ref, k, q) < 1.5 * grow) return false;
            }
        }
        double[][] grown = GeometryFixtures.copy(ref);
        grown[i][2] += 1.5 * grow;
        grown[j][2] += 1.5 * grow;
        if (Double.isNaN(halfPerimeter)) {
            for (int q : new int[] {i, j}) {
                double x = grown[q][0], y = grown[q][1], r = grown[q][2];
                if (Math.min(x, y) - r < 0 || Math.max(x, y) + r > 1) return false;
            }
            return true;
        }
        return CirclePackings.width(grown, 0) + CirclePackings.width(grown, 1) <= halfPerimeter;
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_pairOverlapsByOneNano_rejectedStrictNamingThePair(String id) {
        int[] pair = new int[2];
        double[][] c = overlapByOneNano(GeometryFixtures.referenceData(id), halfPerimeter(id), pair);

        Verification v = GeometryFixtures.problem(id).verify(c, 0);

        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).startsWith("circles " + pair[0] + " and " + pair[1] + " overlap by ");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_pairOverlapsByOneNanoAtTolerance_validWithStrictlyValidShrink(String id) {
        Problem problem = GeometryFixtures.problem(id);
        double[][] ref = GeometryFixtures.referenceData(id);
        double[][] c = overlapByOneNano(ref, halfPerimeter(id), new int[2]);

        Verification v = problem.verify(c, 1e-6);
        double[][] shrunk = CirclePackings.shrink(c, halfPerimeter(id));

        assertThat(v.valid()).isTrue();
        assertThat(v.score()).isCloseTo(Rows.columnSum(c, 2), within(1e-12));
        assertThat(v.metrics()).containsEntry("strictly_valid", 0.0);
        assertThat(v.strictScore()).isNotNull();
        assertThat(v.strictScore()).isLessThan(v.score()).isGreaterThan(v.score() - c.length * 1e-9);
        Verification strict = problem.verify(shrunk, 0);
        assertThat(strict.valid()).isTrue();
        assertThat(strict.score()).isEqualTo(v.strictScore());
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_farBeyondTolerance_invalidEvenTolerant(String id) {
        double[][] c = GeometryFixtures.referenceData(id);
        c[0][2] += 0.01;

        Verification v = GeometryFixtures.problem(id).verify(c, 1e-6);

        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).endsWith("(beyond the tolerance 1.0E-6)");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_nan_rejected(String id) {
        double[][] c = GeometryFixtures.referenceData(id);
        c[3][1] = Double.NaN;

        assertThat(GeometryFixtures.problem(id).verify(c, 0).reason()).isEqualTo("row 3 holds a non-finite number at position 1: NaN");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_infinity_rejected(String id) {
        double[][] c = GeometryFixtures.referenceData(id);
        c[4][2] = Double.POSITIVE_INFINITY;

        assertThat(GeometryFixtures.problem(id).verify(c, 1e-6).reason()).isEqualTo("row 4 holds a non-finite number at position 2: Infinity");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_negativeRadius_rejected(String id) {
        double[][] c = GeometryFixtures.referenceData(id);
        c[5][2] = -0.01;

        assertThat(GeometryFixtures.problem(id).verify(c, 1e-6).reason()).isEqualTo("circle 5 has negative radius -0.01; radii must be >= 0");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_wrongCount_rejected(String id) {
        double[][] ref = GeometryFixtures.referenceData(id);
        int n = ref.length;

        assertThat(GeometryFixtures.problem(id).verify(GeometryFixtures.dropLast(ref), 0).reason())
                .isEqualTo("expected " + n + " circles (rows {x, y, r}), got " + (n - 1) + " rows");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_wrongRowLength_rejected(String id) {
        double[][] c = GeometryFixtures.referenceData(id);
        c[2] = new double[] {0.5, 0.5};

        assertThat(GeometryFixtures.problem(id).verify(c, 0).reason()).isEqualTo("row 2 must hold exactly 3 numbers {x, y, r}, got 2");
    }

    /** Equal circles of radius 0.04 on a 6-column grid: far from every constraint but the one we break. */
    private static double[][] grid(int n) {
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) c[i] = new double[] {(i % 6 + 0.5) / 6, (i / 6 + 0.5) / 6, 0.04};
        return c;
    }

    @Test
    void verify_circleJustOutsideSquare_rejectedStrictAcceptedTolerantAndShrunk() {
        Problem problem = GeometryFixtures.problem("circle_packing_26");
        double[][] c = grid(26);
        c[0][0] = c[0][2] - 1e-9;

        Verification strict = problem.verify(c, 0);
        Verification tolerant = problem.verify(c, 1e-6);

        assertThat(strict.reason()).startsWith("circle 0 at (").contains("leaves the unit square by 9.99999999");
        assertThat(tolerant.valid()).isTrue();
        assertThat(problem.verify(CirclePackings.shrink(c, Double.NaN), 0).score()).isEqualTo(tolerant.strictScore());
    }

    @Test
    void verify_boundingBoxOverPerimeter_rejectedNamingWidthPlusHeight() {
        Problem problem = GeometryFixtures.problem("circles_rectangle_perimeter4_21");
        double[][] c = grid(21);
        double slack = 2 - (CirclePackings.width(c, 0) + CirclePackings.width(c, 1));
        c[0][0] -= slack + 1e-9;

        Verification strict = problem.verify(c, 0);
        Verification tolerant = problem.verify(c, 1e-6);

        assertThat(strict.reason()).startsWith("the circles' bounding box has width + height = 2.000000001");
        assertThat(tolerant.valid()).isTrue();
        double[][] shrunk = CirclePackings.shrink(c, 2.0);
        assertThat(problem.verify(shrunk, 0).valid()).isTrue();
        assertThat(problem.verify(shrunk, 0).score()).isEqualTo(tolerant.strictScore());
    }

    @Test
    void inUnitSquare_twoTangentHalfCircles_scoreIsSumOfRadii() {
        double[][] c = {{0.25, 0.5, 0.25}, {0.75, 0.5, 0.25}};

        Verification v = CirclePackings.inUnitSquare(c, 2, 0);

        assertThat(v.valid()).isTrue();
        assertThat(v.score()).isEqualTo(0.5);
        assertThat(v.metrics()).containsEntry("min_pair_gap", 0.0).containsEntry("min_border_gap", 0.0);
    }
}
