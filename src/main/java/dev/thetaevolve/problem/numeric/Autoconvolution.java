package dev.thetaevolve.problem.numeric;

/** The full discrete autoconvolution of a step function's heights, computed directly (as numpy.convolve). */
public final class Autoconvolution {

    /** Largest input accepted: the direct method costs n²/2 multiply-adds. */
    public static final int MAX_LENGTH = 50_000;

    private Autoconvolution() {
    }

    /**
     * {@code g_k = Σ_i h_i h_{k−i}} for k = 0 … 2n−2. Uses the symmetry of the sum, so each product is
     * formed once and doubled (exact in binary), which keeps results within an ulp or two of numpy's.
     *
     * @throws IllegalArgumentException for an empty input or one longer than {@link #MAX_LENGTH}
     */
    public static double[] full(double[] h) {
        int n = h.length;
        if (n == 0 || n > MAX_LENGTH) throw new IllegalArgumentException("need 1.." + MAX_LENGTH + " heights, got " + n);
        double[] g = new double[2 * n - 1];
        for (int k = 0; k < g.length; k++) {
            int lo = Math.max(0, k - n + 1);
            int hi = k - lo; // pairs (i, k-i) with lo <= i < k-i <= hi
            double s = 0;
            int i = lo, j = hi;
            for (; i < j; i++, j--) s += h[i] * h[j];
            s *= 2;
            if (i == j) s += h[i] * h[i];
            g[k] = s;
        }
        return g;
    }
}
