package dev.thetaevolve.problem.numeric;

import dev.thetaevolve.problem.ReturnType;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class KissingConfigurationTest {

    @Test
    void measure_reference_fastPathEqualsBigIntegerPath() {
        long[][] c = (long[][]) ReturnType.LONG_MATRIX.fromJson(References.load("kissing_number_11").get("data"));

        assertThat(KissingConfiguration.fits(c)).isTrue();
        assertThat(KissingConfiguration.measure(c, true)).isEqualTo(KissingConfiguration.measure(c, false));
    }

    @Test
    void measure_randomCoordinatesNearFastLimit_pathsAgree() {
        Random rnd = new Random(11);
        long[][] c = new long[40][11];
        for (long[] p : c) for (int k = 0; k < 11; k++) p[k] = (rnd.nextLong() >> 6); // |v| < 2^57
        assertThat(KissingConfiguration.measure(c, true)).isEqualTo(KissingConfiguration.measure(c, false));
    }

    @Test
    void measure_hugeCoordinates_usesExactBigIntegerPath() {
        long big = Long.MAX_VALUE;
        long[][] c = {{big, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {-big, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}};

        KissingConfiguration.Figures f = KissingConfiguration.measure(c);

        assertThat(KissingConfiguration.fits(c)).isFalse();
        assertThat(f.minSquaredDistance()).isEqualTo(BigInteger.valueOf(big).shiftLeft(1).pow(2));
        assertThat(f.valid()).isTrue();
    }

    @Test
    void measure_pointOneUnitTooClose_invalidByExactMargin() {
        // |a|^2 = 2s^2 is the max norm; |a−b|^2 = s^2 + (s−1)^2 = 2s^2 − 2s + 1 falls short by 2s − 1
        long s = 1_000_000_000_000L;
        long[][] c = {{s, s, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {s, 0, s - 1, 0, 0, 0, 0, 0, 0, 0, 0}};

        KissingConfiguration.Figures f = KissingConfiguration.measure(c);

        assertThat(f.valid()).isFalse();
        assertThat(f.maxSquaredNorm().subtract(f.minSquaredDistance())).isEqualTo(BigInteger.valueOf(2 * s - 1));
    }
}
