import dev.thetaevolve.search.Objective;
import java.util.SplittableRandom;

/**
 * Search seed: Adam steps on the coordinates against a smooth surrogate of the squared distance ratio,
 * log(soft max of d^2) - log(soft min of d^2), with the temperature sharpened as it goes; the exact ratio
 * decides what is kept. perturb relocates a few points and jitters the rest.
 */
public class SearchSeed {
    // EVOLVE-BLOCK-START
    static final int N = 14;
    static final int D = 3;

    public static double[][] initial(SplittableRandom random) {
        double[][] p = new double[N][D];
        for (int i = 0; i < N; i++) for (int d = 0; d < D; d++) p[i][d] = random.nextDouble();
        return p;
    }

    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
        double[] x = new double[N * D];
        for (int i = 0; i < N; i++) for (int d = 0; d < D; d++) x[i * D + d] = current[i][d];
        normalise(x);
        double[] best = copy(x);
        double bestScore = ratio(x);
        double[] g = new double[N * D], m = new double[N * D], v = new double[N * D];
        double beta = 10, lr = 0.01;
        int t = 0;
        int stall = 0;
        while (System.nanoTime() < deadlineNanos && t < 2500 && stall < 500) { // a local solve: ends when it converges
            t++;
            stall++;
            gradient(x, beta, g);
            for (int i = 0; i < x.length; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                x[i] -= lr * (m[i] / (1 - Math.pow(0.9, t))) / (Math.sqrt(v[i] / (1 - Math.pow(0.999, t))) + 1e-12);
            }
            normalise(x);
            double r = ratio(x);
            if (r < bestScore) {
                if (r < bestScore * (1 - 1e-10)) stall = 0;
                bestScore = r;
                best = copy(x);
            }
            if (t % 150 == 0) {
                beta = Math.min(beta * 1.5, 3000);
                lr = Math.max(lr * 0.7, 1e-5);
            }
        }
        double[][] out = new double[N][D];
        for (int i = 0; i < N; i++) for (int d = 0; d < D; d++) out[i][d] = best[i * D + d];
        return objective.better(out, current) ? out : current;
    }

    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
        double[][] p = new double[N][D];
        double[] lo = new double[D], hi = new double[D];
        for (int d = 0; d < D; d++) { lo[d] = Double.MAX_VALUE; hi[d] = -Double.MAX_VALUE; }
        for (int i = 0; i < N; i++) {
            for (int d = 0; d < D; d++) {
                p[i][d] = current[i][d];
                lo[d] = Math.min(lo[d], p[i][d]);
                hi[d] = Math.max(hi[d], p[i][d]);
            }
        }
        int moves = 1 + random.nextInt(1 + (int) (intensity * 3));
        for (int k = 0; k < moves; k++) {
            int i = random.nextInt(N);
            for (int d = 0; d < D; d++) p[i][d] = lo[d] + random.nextDouble() * (hi[d] - lo[d]);
        }
        double scale = 0;
        for (int d = 0; d < D; d++) scale = Math.max(scale, hi[d] - lo[d]);
        for (int i = 0; i < N; i++) for (int d = 0; d < D; d++) p[i][d] += 0.02 * intensity * scale * (random.nextDouble() - 0.5);
        return p;
    }

    /** (max d / min d)^2 over all pairs. */
    static double ratio(double[] x) {
        double lo = Double.MAX_VALUE, hi = 0;
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                double s = 0;
                for (int d = 0; d < D; d++) { double e = x[i * D + d] - x[j * D + d]; s += e * e; }
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
            }
        }
        return hi / lo;
    }

    /** Gradient of log(smax) - log(smin), soft max/min of the squared distances relative to their extremes. */
    static void gradient(double[] x, double beta, double[] g) {
        int pairs = N * (N - 1) / 2;
        double[] s = new double[pairs];
        double lo = Double.MAX_VALUE, hi = 0;
        int k = 0;
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                double q = 0;
                for (int d = 0; d < D; d++) { double e = x[i * D + d] - x[j * D + d]; q += e * e; }
                s[k++] = q;
                lo = Math.min(lo, q);
                hi = Math.max(hi, q);
            }
        }
        double zMax = 0, zMin = 0;
        double[] wMax = new double[pairs], wMin = new double[pairs];
        for (k = 0; k < pairs; k++) {
            wMax[k] = Math.exp(beta * (s[k] / hi - 1));
            wMin[k] = Math.exp(-beta * (s[k] / lo - 1));
            zMax += wMax[k];
            zMin += wMin[k];
        }
        java.util.Arrays.fill(g, 0);
        k = 0;
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                double c = wMax[k] / zMax / hi - wMin[k] / zMin / lo; // d G / d s_k (soft extremes ~ hi, lo)
                k++;
                for (int d = 0; d < D; d++) {
                    double e = 2 * (x[i * D + d] - x[j * D + d]) * c;
                    g[i * D + d] += e;
                    g[j * D + d] -= e;
                }
            }
        }
    }

    static double[] copy(double[] a) {
        double[] b = new double[a.length];
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }

    /** Centre and scale so the largest distance is 1 (the ratio does not change). */
    static void normalise(double[] x) {
        double[] c = new double[D];
        for (int i = 0; i < N; i++) for (int d = 0; d < D; d++) c[d] += x[i * D + d] / N;
        for (int i = 0; i < N; i++) for (int d = 0; d < D; d++) x[i * D + d] -= c[d];
        double hi = 0;
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                double q = 0;
                for (int d = 0; d < D; d++) { double e = x[i * D + d] - x[j * D + d]; q += e * e; }
                hi = Math.max(hi, q);
            }
        }
        double f = 1 / Math.sqrt(hi);
        for (int i = 0; i < x.length; i++) x[i] *= f;
    }
    // EVOLVE-BLOCK-END
}
