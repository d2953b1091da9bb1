package dev.thetaevolve.problem.numeric;

import java.math.BigInteger;

/**
 * Exact check of an integer kissing configuration: a set C of integer vectors with 0 ∉ C and
 * min_{x≠y} |x−y|² ≥ max_x |x|² (then the unit spheres centred at 2x/|x| all touch the unit sphere at 0
 * and do not overlap). Squared norms reach ~1e26, beyond a long: all comparisons are exact, in 128-bit
 * integer arithmetic ({@link Math#multiplyHigh}) when every |coordinate| &lt; 2^58, else in BigInteger.
 */
public final class KissingConfiguration {

    /** Points beyond this make the n² pair scan too slow for a verifier. */
    public static final int MAX_POINTS = 5_000;
    private static final long FAST_LIMIT = 1L << 58;

    /**
     * The exact figures of a configuration. When {@code zeroIndex >= 0} the other fields are undefined.
     *
     * @param zeroIndex           the first row equal to the zero vector, or −1
     * @param minSquaredNorm      min |x|²
     * @param maxSquaredNorm      max |x|²
     * @param minSquaredDistance  min over pairs i &lt; j of |x_i − x_j|² (null for fewer than 2 points)
     * @param closestI            the first index of a closest pair (−1 for fewer than 2 points)
     * @param closestJ            its second index
     */
    public record Figures(int zeroIndex, BigInteger minSquaredNorm, BigInteger maxSquaredNorm,
                          BigInteger minSquaredDistance, int closestI, int closestJ) {

        /** True when the configuration is valid: no zero vector and min distance² ≥ max norm². */
        public boolean valid() {
            return zeroIndex < 0 && (minSquaredDistance == null || minSquaredDistance.compareTo(maxSquaredNorm) >= 0);
        }
    }

    private KissingConfiguration() {
    }

    /**
     * Measures a rectangular, non-empty array of points (the caller checks shape and size).
     */
    public static Figures measure(long[][] points) {
        return measure(points, fits(points));
    }

    static boolean fits(long[][] points) {
        for (long[] p : points) for (long v : p) if (v >= FAST_LIMIT || v <= -FAST_LIMIT) return false;
        return true;
    }

    /** {@code fast} selects the 128-bit path; it requires every |coordinate| &lt; 2^58. */
    static Figures measure(long[][] points, boolean fast) {
        int m = points.length;
        BigInteger minNorm = null, maxNorm = null;
        for (int i = 0; i < m; i++) {
            BigInteger s = BigInteger.ZERO;
            boolean zero = true;
            for (long v : points[i]) {
                if (v != 0) zero = false;
                BigInteger b = BigInteger.valueOf(v);
                s = s.add(b.multiply(b));
            }
            if (zero) return new Figures(i, null, null, null, -1, -1);
            if (minNorm == null || s.compareTo(minNorm) < 0) minNorm = s;
            if (maxNorm == null || s.compareTo(maxNorm) > 0) maxNorm = s;
        }
        int bi = -1, bj = -1;
        BigInteger best = null;
        if (fast) {
            long bestHi = Long.MAX_VALUE, bestLo = -1L; // unsigned 128-bit (hi, lo)
            for (int i = 0; i < m; i++) {
                long[] a = points[i];
                for (int j = i + 1; j < m; j++) {
                    long[] b = points[j];
                    long hi = 0, lo = 0;
                    for (int k = 0; k < a.length; k++) {
                        long d = a[k] - b[k]; // |d| < 2^59: exact
                        long pl = d * d;
                        long ph = Math.multiplyHigh(d, d);
                        long nl = lo + pl;
                        hi += ph + (Long.compareUnsigned(nl, lo) < 0 ? 1 : 0);
                        lo = nl;
                    }
                    if (hi < bestHi || (hi == bestHi && Long.compareUnsigned(lo, bestLo) < 0)) {
                        bestHi = hi;
                        bestLo = lo;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi >= 0) best = BigInteger.valueOf(bestHi).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(bestLo)));
        } else {
            for (int i = 0; i < m; i++) {
                for (int j = i + 1; j < m; j++) {
                    BigInteger s = BigInteger.ZERO;
                    for (int k = 0; k < points[i].length; k++) {
                        BigInteger d = BigInteger.valueOf(points[i][k]).subtract(BigInteger.valueOf(points[j][k]));
                        s = s.add(d.multiply(d));
                    }
                    if (best == null || s.compareTo(best) < 0) {
                        best = s;
                        bi = i;
                        bj = j;
                    }
                }
            }
        }
        return new Figures(-1, minNorm, maxNorm, best, bi, bj);
    }
}
