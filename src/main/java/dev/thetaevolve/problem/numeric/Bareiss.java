package dev.thetaevolve.problem.numeric;

import java.math.BigInteger;

/** Exact determinants of integer matrices by Bareiss's fraction-free elimination (every division is exact). */
public final class Bareiss {

    private Bareiss() {
    }

    /**
     * The determinant of a square integer matrix (the input is not changed).
     *
     * @throws IllegalArgumentException when the matrix is not square
     */
    public static BigInteger determinant(int[][] matrix) {
        int n = matrix.length;
        BigInteger[][] a = new BigInteger[n][n];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) throw new IllegalArgumentException("row " + i + " has " + matrix[i].length + " entries, expected " + n);
            for (int j = 0; j < n; j++) a[i][j] = BigInteger.valueOf(matrix[i][j]);
        }
        if (n == 0) return BigInteger.ONE;
        int sign = 1;
        BigInteger prev = BigInteger.ONE;
        for (int k = 0; k < n - 1; k++) {
            if (a[k][k].signum() == 0) {
                int p = k + 1;
                while (p < n && a[p][k].signum() == 0) p++;
                if (p == n) return BigInteger.ZERO;
                BigInteger[] t = a[k];
                a[k] = a[p];
                a[p] = t;
                sign = -sign;
            }
            for (int i = k + 1; i < n; i++) {
                for (int j = k + 1; j < n; j++) {
                    a[i][j] = a[k][k].multiply(a[i][j]).subtract(a[i][k].multiply(a[k][j])).divide(prev);
                }
            }
            prev = a[k][k];
        }
        return sign < 0 ? a[n - 1][n - 1].negate() : a[n - 1][n - 1];
    }
}
