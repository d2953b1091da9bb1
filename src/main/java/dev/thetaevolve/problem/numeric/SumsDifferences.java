package dev.thetaevolve.problem.numeric;

/**
 * Counts |U+U| and |U−U| for a set U of non-negative integers exactly, with bitsets over [0, 2·max U]
 * (memory max U / 4 bytes) and one pass over the |U|²/2 pairs.
 */
public final class SumsDifferences {

    /** Largest element accepted (bitsets of 2·max bits: 64 MiB at this bound). */
    public static final int MAX_ELEMENT = 1 << 28;
    /** Largest set accepted (the pair pass costs |U|²/2). */
    public static final int MAX_SIZE = 60_000;

    /** @param sums |U+U|, @param differences |U−U| (both signs and 0), @param distinct |U| after removing repeats */
    public record Counts(long sums, long differences, int distinct) {
    }

    private SumsDifferences() {
    }

    /**
     * Counts for elements in [0, {@link #MAX_ELEMENT}] (the caller checks range and size); repeated
     * elements count once, as in a set.
     */
    public static Counts count(int[] u) {
        int[] s = u.clone();
        java.util.Arrays.sort(s);
        int m = 0;
        for (int i = 0; i < s.length; i++) if (m == 0 || s[i] != s[m - 1]) s[m++] = s[i];
        int max = s[m - 1];
        long[] sums = new long[(int) ((2L * max) / 64 + 1)];
        long[] diffs = new long[max / 64 + 1];
        for (int i = 0; i < m; i++) {
            int a = s[i];
            for (int j = i; j < m; j++) {
                int b = s[j];
                int sum = a + b;
                sums[sum >>> 6] |= 1L << sum;
                int d = b - a;
                diffs[d >>> 6] |= 1L << d;
            }
        }
        long ns = 0, nd = 0;
        for (long w : sums) ns += Long.bitCount(w);
        for (long w : diffs) nd += Long.bitCount(w);
        return new Counts(ns, 2 * nd - 1, m); // differences d > 0 come in pairs ±d; 0 once
    }
}
