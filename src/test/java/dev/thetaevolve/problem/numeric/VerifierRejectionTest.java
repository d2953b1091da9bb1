package dev.thetaevolve.problem.numeric;

import dev.thetaevolve.problem.ReturnType;
import dev.thetaevolve.problem.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Broken constructions are rejected first, with a reason a model can act on; tolerant mode relaxes only inequalities. */
class VerifierRejectionTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("first_autocorrelation_c1", new double[] {1, Double.NaN, 1}, "height 1 is not finite: NaN"),
                Arguments.of("first_autocorrelation_c1", new double[] {1, Double.POSITIVE_INFINITY}, "height 1 is not finite: Infinity"),
                Arguments.of("first_autocorrelation_c1", new double[] {1, -1e-12, 1}, "height 1 is negative"),
                Arguments.of("first_autocorrelation_c1", new double[0], "need between 1 and 50000 heights, got 0"),
                Arguments.of("first_autocorrelation_c1", new double[] {0, 0}, "the sum must be positive"),
                Arguments.of("second_autocorrelation_c2", new double[] {1, -0.5}, "height 1 is negative"),
                Arguments.of("second_autocorrelation_c2", new double[] {0, 0, 0}, "all heights are zero"),
                Arguments.of("second_autocorrelation_c2", new double[] {Double.NaN}, "height 0 is not finite"),
                Arguments.of("third_autocorrelation_c3", new double[] {1, -1}, "the sum must be non-zero"),
                Arguments.of("third_autocorrelation_c3", new double[] {1, Double.NEGATIVE_INFINITY}, "height 1 is not finite: -Infinity"),
                Arguments.of("third_autocorrelation_c3_prime", new double[] {2, -2}, "the sum must be non-zero"),
                Arguments.of("third_autocorrelation_c3_prime", new double[] {Double.NaN, 1}, "height 0 is not finite"),
                Arguments.of("erdos_minimum_overlap", new double[] {1.5, 0.5, 0, 0}, "height 0 is 1.5; every height must lie in [0, 1]"),
                Arguments.of("erdos_minimum_overlap", new double[] {-0.25, 0.75, 0.5}, "height 0 is -0.25"),
                Arguments.of("erdos_minimum_overlap", new double[] {0.5, Double.NaN}, "height 1 is not finite"),
                Arguments.of("erdos_minimum_overlap", erdosOffByOneUlp(), "must sum to exactly n/2 = 50.0"),
                Arguments.of("uncertainty_hermite", new double[] {1, 0}, "expected exactly 3 coefficients"),
                Arguments.of("uncertainty_hermite", new double[] {1, Double.NaN, 0}, "coefficient c1 is not finite"),
                Arguments.of("uncertainty_hermite", new double[] {0, 0, 0}, "P is identically zero"),
                Arguments.of("kissing_number_11", kissingWithZeroVector(), "point 7 is the zero vector"),
                Arguments.of("kissing_number_11", kissingWithPointMovedClose(), "points 321 and 325 are too close"),
                Arguments.of("kissing_number_11", new long[][] {{1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}}, "points 0 and 1 are too close: |x-y|^2 = 0"),
                Arguments.of("kissing_number_11", new long[][] {{1, 1, 0}}, "point 0 must have exactly 11 integer coordinates, got 3"),
                Arguments.of("kissing_number_11", new long[0][], "the configuration is empty"),
                Arguments.of("sums_differences_c6_u1", new int[] {1, 2, 5}, "the set must contain 0"),
                Arguments.of("sums_differences_c6_u1", new int[] {0, -3, 5}, "element 1 is negative (-3)"),
                Arguments.of("sums_differences_c6_u1", new int[] {0, 0}, "must contain a positive integer besides 0"),
                Arguments.of("hadamard_29", hadamardWith(3, 4, 0), "entry (3, 4) is 0; every entry must be +1 or -1"),
                Arguments.of("hadamard_29", hadamardWith(0, 0, 2), "entry (0, 0) is 2"),
                Arguments.of("hadamard_29", new int[28][29], "expected 29 rows, got 28"),
                Arguments.of("hadamard_29", new int[][] {new int[29]}, "expected 29 rows, got 1"),
                Arguments.of("hadamard_29", new double[29][29], "solve() must return int[][], got double[][]"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalid")
    void verify_brokenConstruction_rejectedWithReason(String id, Object output, String reason) {
        Verification v = References.problem(id).verify(output, 0);

        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).contains(reason);
        assertThat(v.score()).isNaN();
    }

    @Test
    void verify_erdosSumOffByOneUlpTolerant_valid() {
        assertThat(References.problem("erdos_minimum_overlap").verify(erdosOffByOneUlp(), 1e-6).valid()).isTrue();
    }

    @Test
    void verify_tinyNegativeHeightTolerant_validInC1AndC2() {
        double[] h = {1, -1e-9, 1};
        assertThat(References.problem("first_autocorrelation_c1").verify(h, 1e-6).valid()).isTrue();
        assertThat(References.problem("second_autocorrelation_c2").verify(h, 1e-6).valid()).isTrue();
    }

    @Test
    void verify_sumsWithRepeats_countedOnceAndReported() {
        Verification once = References.problem("sums_differences_c6_u1").verify(new int[] {0, 1, 3}, 0);
        Verification twice = References.problem("sums_differences_c6_u1").verify(new int[] {3, 0, 1, 3, 0}, 0);

        assertThat(twice.score()).isEqualTo(once.score()).isEqualTo(1 + Math.log(7.0 / 6) / Math.log(7));
        assertThat(twice.metrics().get("repeats")).isEqualTo(2.0);
    }

    /** 100 halves with one raised by ulp(50): the correctly rounded sum is the double right above 50. */
    private static double[] erdosOffByOneUlp() {
        double[] h = new double[100];
        Arrays.fill(h, 0.5);
        h[0] = 0.5 + Math.ulp(50.0);
        return h;
    }

    private static long[][] kissingReference() {
        return (long[][]) ReturnType.LONG_MATRIX.fromJson(References.load("kissing_number_11").get("data"));
    }

    private static long[][] kissingWithZeroVector() {
        long[][] c = kissingReference();
        c[7] = new long[11];
        return c;
    }

    private static long[][] kissingWithPointMovedClose() {
        long[][] c = kissingReference();
        c[325] = c[321].clone();
        c[325][0] += 1;
        return c;
    }

    private static int[][] hadamardWith(int row, int col, int value) {
        int[][] a = new int[29][29];
        for (int[] r : a) Arrays.fill(r, 1);
        a[row][col] = value;
        return a;
    }
}
