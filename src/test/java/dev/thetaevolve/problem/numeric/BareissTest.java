package dev.thetaevolve.problem.numeric;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BareissTest {

    /** Sylvester Hadamard matrix of order 2^k. */
    private static int[][] sylvester(int n) {
        int[][] h = {{1}};
        while (h.length < n) {
            int m = h.length;
            int[][] g = new int[2 * m][2 * m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    g[i][j] = h[i][j];
                    g[i][j + m] = h[i][j];
                    g[i + m][j] = h[i][j];
                    g[i + m][j + m] = -h[i][j];
                }
            }
            h = g;
        }
        return h;
    }

    /** Paley I construction of order 12 from the quadratic residues mod 11 (11 ≡ 3 mod 4). */
    private static int[][] paley12() {
        int q = 11;
        boolean[] res = new boolean[q];
        for (int x = 1; x < q; x++) res[x * x % q] = true;
        int[][] h = new int[12][12];
        for (int j = 0; j < 12; j++) h[0][j] = 1;
        for (int i = 1; i < 12; i++) {
            h[i][0] = -1;
            for (int j = 1; j < 12; j++) {
                int d = ((j - i) % q + q) % q;
                h[i][j] = d == 0 ? 1 : (res[d] ? 1 : -1);
            }
        }
        return h;
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(ints = {4, 8, 12, 16})
    void determinant_hadamardMatrix_nToTheHalfN(int n) {
        int[][] h = n == 12 ? paley12() : sylvester(n);

        assertThat(Bareiss.determinant(h).abs()).isEqualTo(BigInteger.valueOf(n).pow(n / 2));
    }

    @Test
    void determinant_randomPlusMinusOne_agreesWithDoubleLu() {
        Random rnd = new Random(29);
        for (int t = 0; t < 20; t++) {
            int[][] a = new int[29][29];
            double[][] d = new double[29][29];
            for (int i = 0; i < 29; i++) for (int j = 0; j < 29; j++) d[i][j] = a[i][j] = rnd.nextBoolean() ? 1 : -1;
            double lu = new LUDecomposition(MatrixUtils.createRealMatrix(d)).getDeterminant();
            double exact = Bareiss.determinant(a).doubleValue();
            assertThat(exact).isCloseTo(lu, within(Math.abs(exact) * 1e-9));
        }
    }

    @Test
    void determinant_rowSwapNeeded_signCorrect() {
        assertThat(Bareiss.determinant(new int[][] {{0, 1}, {1, 0}})).isEqualTo(BigInteger.ONE.negate());
        assertThat(Bareiss.determinant(new int[][] {{1, 1}, {1, 1}})).isEqualTo(BigInteger.ZERO);
        assertThat(Bareiss.determinant(new int[][] {{0, 2, 1}, {0, 1, 3}, {4, 0, 0}})).isEqualTo(BigInteger.valueOf(20));
    }

    @Test
    void determinant_notSquare_rejected() {
        assertThatThrownBy(() -> Bareiss.determinant(new int[][] {{1, 1}, {1}})).hasMessageContaining("row 1 has 1 entries, expected 2");
    }
}
