package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The hexagon-packing verifiers (11 and 12 unit hexagons) through the catalog. */
class HexagonPackingsTest {

    static final List<String> IDS = List.of("hexagon_packing_11", "hexagon_packing_12");

    private static int n(String id) {
        return Integer.parseInt(id.substring(id.lastIndexOf('_') + 1));
    }

    /** n unrotated unit hexagons stacked flat on flat along y, 1e-7 apart, in a roomy outer hexagon of side 30. */
    private static double[][] column(int n) {
        double[][] rows = new double[n + 1][];
        double step = Math.sqrt(3) + 1e-7;
        for (int i = 0; i < n; i++) rows[i] = new double[] {0, i * step, 0};
        rows[n] = new double[] {0, (n - 1) * step / 2, 30, 0};
        return rows;
    }

    @Test
    void fromJson_reference_lastRowIsTheOuterHexagon() {
        double[][] rows = GeometryFixtures.referenceData("hexagon_packing_11");

        assertThat(rows).hasNumberOfRows(12);
        assertThat(rows[0]).containsExactly(7.227468518248726, 1.406189555916512, 64.96835531696001);
        assertThat(rows[11]).containsExactly(8.675544349693055, 3.861025611329817, 3.930092, 60.96370590710646);
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verifyJson_candidateLayout_asStoredForRunPrograms(String id) throws Exception {
        double[][] rows = GeometryFixtures.referenceData(id);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Object stored = json.readValue(json.writeValueAsString(rows), Object.class); // how the store keeps a run's output

        Verification v = GeometryFixtures.problem(id).verifyJson(stored, 0);

        assertThat(v.valid()).as(v.reason()).isTrue();
        assertThat(v.score()).isEqualTo(rows[rows.length - 1][2]);
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_reference_metricsMatchTheReferenceChecks(String id) {
        Map<String, Object> checks = checks(id);

        Verification v = GeometryFixtures.problem(id).verify(GeometryFixtures.referenceData(id), 0);

        assertThat(v.metrics().get("tightest_outer_side")).isCloseTo(((Number) checks.get("min_outer_side_for_given_centre_and_angle")).doubleValue(), within(1e-12));
        assertThat(v.metrics().get("min_separating_gap")).isCloseTo(((Number) checks.get("min_separating_gap_between_inner_hexagons")).doubleValue(), within(1e-12));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> checks(String id) {
        return (Map<String, Object>) GeometryFixtures.reference(id).get("checks");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_outerSideJustTooSmall_rejectedStrictFormalizedWhenTolerant(String id) {
        Problem problem = GeometryFixtures.problem(id);
        double[][] rows = GeometryFixtures.referenceData(id);
        int n = n(id);
        double[][] inner = GeometryFixtures.dropLast(rows);
        rows[n][2] = HexagonPackings.tightestSide(inner, rows[n]) - 1e-9;

        Verification strict = problem.verify(rows, 0);
        Verification tolerant = problem.verify(rows, 1e-6);
        double[][] fixed = HexagonPackings.formalize(inner, rows[n]);

        assertThat(strict.reason()).startsWith("vertex ").contains(" lies outside the outer hexagon by ");
        assertThat(tolerant.valid()).isTrue();
        assertThat(tolerant.strictScore()).isNotNull().isGreaterThan(rows[n][2]).isLessThan(rows[n][2] + 1e-8);
        assertThat(problem.verify(fixed, 0).valid()).isTrue();
        assertThat(problem.verify(fixed, 0).score()).isEqualTo(tolerant.strictScore());
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_innerHexagonsOverlapByOneNano_rejectedStrictFormalizedWhenTolerant(String id) {
        Problem problem = GeometryFixtures.problem(id);
        int n = n(id);
        double[][] rows = column(n);
        rows[1][1] = Math.sqrt(3) - 1e-9;

        Verification strict = problem.verify(rows, 0);
        Verification tolerant = problem.verify(rows, 1e-6);
        double[][] fixed = HexagonPackings.formalize(GeometryFixtures.dropLast(rows), rows[n]);

        assertThat(problem.verify(column(n), 0).valid()).isTrue();
        assertThat(strict.reason()).startsWith("inner hexagons 0 and 1 overlap: no edge normal separates them (best separation -");
        assertThat(tolerant.valid()).isTrue();
        assertThat(tolerant.strictScore()).isEqualTo(30.0);
        assertThat(problem.verify(fixed, 0).valid()).isTrue();
        assertThat(HexagonPackings.separatingGap(HexagonPackings.vertices(fixed[0][0], fixed[0][1], 1, 0), HexagonPackings.vertices(fixed[1][0], fixed[1][1], 1, 0)))
                .isPositive().isLessThan(1e-8);
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_nanInInnerRow_rejected(String id) {
        double[][] rows = GeometryFixtures.referenceData(id);
        rows[3][1] = Double.NaN;

        assertThat(GeometryFixtures.problem(id).verify(rows, 0).reason()).isEqualTo("row 3 holds a non-finite number at position 1: NaN");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_infinityInOuterRow_rejected(String id) {
        double[][] rows = GeometryFixtures.referenceData(id);
        rows[n(id)][0] = Double.POSITIVE_INFINITY;

        assertThat(GeometryFixtures.problem(id).verify(rows, 1e-6).reason()).isEqualTo("row " + n(id) + " holds a non-finite number at position 0: Infinity");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_nonPositiveOuterSide_rejected(String id) {
        double[][] rows = GeometryFixtures.referenceData(id);
        rows[n(id)][2] = -1;

        assertThat(GeometryFixtures.problem(id).verify(rows, 0).reason()).isEqualTo("the outer hexagon's side must be > 0, got -1.0");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_wrongCount_rejected(String id) {
        double[][] rows = GeometryFixtures.referenceData(id);
        double[][] fewer = new double[rows.length - 1][];
        System.arraycopy(rows, 1, fewer, 0, fewer.length);
        int n = n(id);

        assertThat(GeometryFixtures.problem(id).verify(fewer, 0).reason())
                .isEqualTo("expected " + (n + 1) + " rows: " + n + " inner hexagons {x, y, angleDeg} then the outer hexagon {cx, cy, side, angleDeg}; got " + n + " rows");
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void verify_wrongRowLengths_rejected(String id) {
        double[][] inner = GeometryFixtures.referenceData(id);
        inner[2] = new double[] {0, 0, 0, 1};
        double[][] outer = GeometryFixtures.referenceData(id);
        outer[n(id)] = new double[] {0, 0, 5};

        assertThat(GeometryFixtures.problem(id).verify(inner, 0).reason()).isEqualTo("row 2 must hold exactly 3 numbers {x, y, angleDeg} (inner hexagon 2), got 4");
        assertThat(GeometryFixtures.problem(id).verify(outer, 0).reason())
                .isEqualTo("row " + n(id) + " must hold exactly 4 numbers {cx, cy, side, angleDeg} (the outer hexagon, last row), got 3");
    }

    @Test
    void verifyJson_missingOuterCentre_rejectedNamingTheKey() {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = new HashMap<>((Map<String, Object>) GeometryFixtures.reference("hexagon_packing_11").get("data"));
        data.remove("outer_center");

        assertThat(GeometryFixtures.problem("hexagon_packing_11").verifyJson(data, 0).reason()).isEqualTo("outer_center must be a JSON array, got null");
    }

    @Test
    void tightestSide_singleHexagonAtCentre_isOne() {
        double[][] inner = {{2, 3, 0}};

        assertThat(HexagonPackings.tightestSide(inner, new double[] {2, 3, 7, 0})).isCloseTo(1.0, within(1e-15));
    }
}
