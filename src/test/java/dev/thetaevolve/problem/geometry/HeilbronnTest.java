package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Heilbronn verifiers (unit triangle 11, convex 13 and 14) through the catalog. */
class HeilbronnTest {

    static final List<String> IDS = List.of("heilbronn_triangle_11", "heilbronn_convex_13", "heilbronn_convex_14");
    private static final String TRIANGLE = "heilbronn_triangle_11";

    @Test
    void verify_referencePoint8_onTheEdgeInDoublesAccepted() {
        double[][] p = GeometryFixtures.referenceData(TRIANGLE);
        // 1.8e-17 outside in exact arithmetic; the notebook's double expression y <= sqrt(3)*x holds
        assertThat(p[8][1] <= Math.sqrt(3) * p[8][0]).isTrue();

        assertThat(Heilbronn.outside(p, 0)).isNull();
    }

    @Test
    void verify_pointJustBelowBaseline_rejectedStrictShrunkWhenTolerant() {
        Problem problem = GeometryFixtures.problem(TRIANGLE);
        double[][] p = GeometryFixtures.referenceData(TRIANGLE);
        p[1][1] = -1e-9;

        Verification strict = problem.verify(p, 0);
        Verification tolerant = problem.verify(p, 1e-6);
        double[][] scaled = Heilbronn.shrinkIntoTriangle(p);

        assertThat(strict.reason()).isEqualTo("point 1 at (0.2956511458813343, -1.0E-9) lies below the edge y = 0 by 1.0E-9");
        assertThat(tolerant.valid()).isTrue();
        assertThat(tolerant.strictScore()).isNotNull().isLessThan(tolerant.score()).isGreaterThan(tolerant.score() * (1 - 1e-7));
        assertThat(problem.verify(scaled, 0).valid()).isTrue();
        assertThat(problem.verify(scaled, 0).score()).isEqualTo(tolerant.strictScore());
    }

    @Test
    void verify_pointOutsideSlantedEdges_rejectedNamingTheEdge() {
        Problem problem = GeometryFixtures.problem(TRIANGLE);
        double[][] right = GeometryFixtures.referenceData(TRIANGLE);
        right[10][0] += 1e-9;
        double[][] left = GeometryFixtures.referenceData(TRIANGLE);
        left[5][0] -= 1e-9;

        assertThat(problem.verify(right, 0).reason()).startsWith("point 10 at (").contains("outside the right edge");
        assertThat(problem.verify(left, 0).reason()).startsWith("point 5 at (").contains("outside the left edge");
        assertThat(problem.verify(left, 1e-12).reason()).endsWith("(beyond the tolerance 1.0E-12)");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_nan_rejected(String id) {
        double[][] p = GeometryFixtures.referenceData(id);
        p[2][1] = Double.NaN;

        assertThat(GeometryFixtures.problem(id).verify(p, 0).reason()).isEqualTo("row 2 holds a non-finite number at position 1: NaN");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_infinity_rejected(String id) {
        double[][] p = GeometryFixtures.referenceData(id);
        p[3][0] = Double.POSITIVE_INFINITY;

        assertThat(GeometryFixtures.problem(id).verify(p, 1e-6).reason()).isEqualTo("row 3 holds a non-finite number at position 0: Infinity");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_wrongCount_rejected(String id) {
        double[][] ref = GeometryFixtures.referenceData(id);

        assertThat(GeometryFixtures.problem(id).verify(GeometryFixtures.dropLast(ref), 0).reason())
                .isEqualTo("expected " + ref.length + " points (rows {x, y}), got " + (ref.length - 1) + " rows");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_wrongRowLength_rejected(String id) {
        double[][] p = GeometryFixtures.referenceData(id);
        p[6] = new double[] {0.1, 0.1, 0.1};

        assertThat(GeometryFixtures.problem(id).verify(p, 0).reason()).isEqualTo("row 6 must hold exactly 2 numbers {x, y}, got 3");
    }

    @Test
    void verify_collinearPoints_rejectedForConvexRegion() {
        double[][] p = new double[13][];
        for (int i = 0; i < 13; i++) p[i] = new double[] {i, 2 * i};

        assertThat(GeometryFixtures.problem("heilbronn_convex_13").verify(p, 0).reason())
                .isEqualTo("the convex hull of the points has area 0.0; the points must not all lie on one line");
    }

    @Test
    void inConvexHull_squareCornersAndCentre_quarterOfHull() {
        double[][] p = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0.5, 0.25}};

        Verification v = Heilbronn.inConvexHull(p, 5);

        assertThat(Heilbronn.convexHullArea(p)).isEqualTo(1.0);
        assertThat(v.score()).isCloseTo(0.125, within(1e-15)); // (0,0), (1,0), (0.5, 0.25)
        assertThat(v.metrics()).containsEntry("min_triangle_i", 0.0).containsEntry("min_triangle_j", 1.0).containsEntry("min_triangle_k", 4.0);
    }

    @Test
    void convexHullArea_referenceConvex13_matchesScipy() {
        double expected = 0.040762183360261786; // checks.convex_hull_area_scipy

        assertThat(Heilbronn.convexHullArea(GeometryFixtures.referenceData("heilbronn_convex_13"))).isCloseTo(expected, within(1e-15));
    }
}
