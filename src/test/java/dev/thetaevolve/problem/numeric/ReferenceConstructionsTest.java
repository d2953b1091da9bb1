package dev.thetaevolve.problem.numeric;

import dev.thetaevolve.problem.Verification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every supported AlphaEvolve reference construction is strictly valid and scores its recomputed value. */
class ReferenceConstructionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "first_autocorrelation_c1, first_autocorrelation_c1",
            "second_autocorrelation_c2, second_autocorrelation_c2",
            "third_autocorrelation_c3, third_autocorrelation_c3",
            "third_autocorrelation_c3_prime, third_autocorrelation_c3_prime",
            "erdos_minimum_overlap, erdos_minimum_overlap",
            "uncertainty_hermite, uncertainty_hermite",
            "uncertainty_hermite_goncalves2017, uncertainty_hermite",
            "kissing_number_11, kissing_number_11",
            "sums_differences_c6_u1, sums_differences_c6_u1",
    })
    void verifyJson_referenceConstruction_strictValidAtRecomputedValue(String file, String problemId) {
        Map<String, Object> ref = References.load(file);

        Verification v = References.problem(problemId).verifyJson(ref.get("data"), 0);

        assertThat(v.valid()).as(v.reason()).isTrue();
        double expected = ((Number) ref.get("recomputed_value")).doubleValue();
        assertThat(v.score()).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @CsvSource({"uncertainty_hermite", "uncertainty_hermite_goncalves2017"})
    void verifyJson_hermiteReference_rootAndDerivedCoefficientMatchSympy(String file) {
        Map<String, Object> ref = References.load(file);
        Map<String, Object> checks = (Map<String, Object>) ref.get("checks");

        Verification v = References.problem("uncertainty_hermite").verifyJson(ref.get("data"), 0);

        assertThat(v.metrics().get("largest_sign_change_root")).isEqualTo(((Number) checks.get("largest_sign_change_root")).doubleValue());
        assertThat(v.metrics().get("derived_c3")).isEqualTo(((Number) checks.get("derived_c3_float")).doubleValue());
        assertThat(v.metrics().get("sign_flipped")).isEqualTo((Boolean) checks.get("sign_flipped") ? 1.0 : 0.0);
        assertThat(v.score()).isCloseTo(((Number) ref.get("recomputed_value")).doubleValue(), within(1e-15));
    }

    @SuppressWarnings("unchecked")
    @org.junit.jupiter.api.Test
    void verifyJson_kissingReference_exactly593WithPublishedExtremes() {
        Map<String, Object> ref = References.load("kissing_number_11");
        Map<String, Object> checks = (Map<String, Object>) ref.get("checks");
        long[][] points = (long[][]) dev.thetaevolve.problem.ReturnType.LONG_MATRIX.fromJson(ref.get("data"));

        Verification v = References.problem("kissing_number_11").verify(points, 0);
        KissingConfiguration.Figures f = KissingConfiguration.measure(points);

        assertThat(v.valid()).as(v.reason()).isTrue();
        assertThat(v.score()).isEqualTo(593.0);
        assertThat(f.maxSquaredNorm()).isEqualTo(checks.get("max_squared_norm"));
        assertThat(f.minSquaredNorm()).isEqualTo(checks.get("min_squared_norm"));
        assertThat(f.minSquaredDistance()).isEqualTo(checks.get("min_squared_distance"));
        assertThat(java.util.List.of(f.closestI(), f.closestJ())).isEqualTo(
                ((java.util.List<Number>) checks.get("min_squared_distance_pair")).stream().map(Number::intValue).toList());
    }

    @SuppressWarnings("unchecked")
    @org.junit.jupiter.api.Test
    void verifyJson_sumsReference_countsMatchPublished() {
        Map<String, Object> ref = References.load("sums_differences_c6_u1");
        Map<String, Object> checks = (Map<String, Object>) ref.get("checks");

        Verification v = References.problem("sums_differences_c6_u1").verifyJson(ref.get("data"), 0);

        assertThat(v.metrics().get("size_u_minus_u")).isEqualTo(((Number) checks.get("size_u_minus_u")).doubleValue());
        assertThat(v.metrics().get("size_u_plus_u")).isEqualTo(((Number) checks.get("size_u_plus_u")).doubleValue());
        assertThat(v.metrics().get("size")).isEqualTo(((Number) checks.get("size")).doubleValue());
    }
}
