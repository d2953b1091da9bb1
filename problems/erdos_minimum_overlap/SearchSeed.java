import dev.thetaevolve.search.Lbfgs;
import dev.thetaevolve.search.Objective;
import java.util.SplittableRandom;

/**
 * Search seed: L-BFGS on the heights against a log-sum-exp (soft maximum) of the overlaps over all
 * shifts (h = (1 - cos x) / 2, a penalty on the sum), projecting back onto {0 <= h <= 1, sum h = n/2} (a bisection on a common shift), then
 * repairing the last bits of the sum so it is exactly n/2. perturb adds noise and refines the grid.
 */
public class SearchSeed {
    // EVOLVE-BLOCK-START
    static final int MAX_N = 400;
    static final double BETA0 = 300;

    public static double[] initial(SplittableRandom random) {
        int n = 40;
        double[] h = new double[n];
        for (int i = 0; i < n; i++) h[i] = 0.5 + 0.4 * (random.nextDouble() - 0.5);
        project(h);
        return h;
    }

    public static double[] improve(double[] current, Objective objective, SplittableRandom random, long deadlineNanos) {
        int n = current.length;
        double[] best = new double[n];
        System.arraycopy(current, 0, best, 0, n);
        double bestScore = score(best);
        // L-BFGS on the soft maximum plus a penalty on the sum, h = (1 - cos x) / 2 keeping 0 <= h <= 1, the
        // temperature (and the penalty) sharpened stage by stage; each stage starts from the best point, is
        // projected back onto the constraints, and the exact score decides.
        double beta = BETA0 * Math.exp(random.nextDouble() * Math.log(3));
        long stop = deadlineNanos - 2_000_000L;
        while (beta < 2e6 && System.nanoTime() < stop) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = Math.acos(Math.max(-1 + 1e-6, Math.min(1 - 1e-6, 1 - 2 * best[i])));
            x = Lbfgs.minimize(new Soft(beta, 20 * beta, stop), x, 150, 0, stop, 12);
            double[] h = new double[n];
            for (int i = 0; i < n; i++) h[i] = (1 - Math.cos(x[i])) / 2;
            project(h);
            double sc = score(h);
            if (sc < bestScore) {
                bestScore = sc;
                best = h;
            }
            beta *= 3;
        }
        repairSum(best);
        return objective.better(best, current) ? best : current;
    }

    /** Soft maximum of the overlaps plus mu (mean h - 1/2)^2, in x with h = (1 - cos x) / 2. */
    static final class Soft implements Lbfgs.Function {
        final double beta, mu;
        final long stop;
        boolean started;

        Soft(double beta, double mu, long stop) {
            this.beta = beta;
            this.mu = mu;
            this.stop = stop;
        }

        @Override
        public double value(double[] x, double[] grad) {
            int n = x.length;
            if (started && System.nanoTime() > stop) { // past the deadline: the line search fails, L-BFGS returns
                java.util.Arrays.fill(grad, 0);
                return Double.POSITIVE_INFINITY;
            }
            started = true;
            double[] h = new double[n];
            double s = 0;
            for (int i = 0; i < n; i++) {
                h[i] = (1 - Math.cos(x[i])) / 2;
                s += h[i];
            }
            double f = gradient(h, beta, grad);
            double d = s / n - 0.5;
            f += mu * d * d;
            for (int i = 0; i < n; i++) grad[i] = (grad[i] + 2 * mu * d / n) * Math.sin(x[i]) / 2;
            return f;
        }
    }

    public static double[] perturb(double[] current, double intensity, SplittableRandom random) {
        int n = current.length;
        double[] h = current;
        if (2 * n <= MAX_N && random.nextDouble() < 0.3) {
            h = new double[2 * n];
            for (int i = 0; i < n; i++) h[2 * i] = h[2 * i + 1] = current[i];
            n = 2 * n;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = h[i] + intensity * 0.1 * (random.nextDouble() * 2 - 1);
        project(out);
        return out;
    }

    /** max over shifts k of (2/n) sum_i h_{i+k} (1 - h_i). */
    static double score(double[] h) {
        int n = h.length;
        double worst = 0;
        for (int k = -(n - 1); k < n; k++) {
            double c = 0;
            for (int i = Math.max(0, -k); i < n && i + k < n; i++) c += h[i + k] * (1 - h[i]);
            worst = Math.max(worst, c);
        }
        return 2 * worst / n;
    }

    static double gradient(double[] h, double beta, double[] g) {
        int n = h.length;
        int len = 2 * n - 1;
        double[] c = new double[len];
        double top = Double.NEGATIVE_INFINITY;
        for (int k = -(n - 1); k < n; k++) {
            double s = 0;
            for (int i = Math.max(0, -k); i < n && i + k < n; i++) s += h[i + k] * (1 - h[i]);
            c[k + n - 1] = 2 * s / n;
            top = Math.max(top, c[k + n - 1]);
        }
        double z = 0;
        for (int k = 0; k < len; k++) {
            c[k] = Math.exp(beta * (c[k] - top));
            z += c[k];
        }
        double value = top + Math.log(z) / beta;
        java.util.Arrays.fill(g, 0);
        for (int k = -(n - 1); k < n; k++) {
            double w = c[k + n - 1] / z * 2 / n;
            if (w < 1e-14) continue;
            // d/dh_j of sum_i h_{i+k}(1-h_i) = (1 - h_{j-k}) - h_{j+k}
            for (int j = 0; j < n; j++) {
                double d = 0;
                if (j - k >= 0 && j - k < n) d += 1 - h[j - k];
                if (j + k >= 0 && j + k < n) d -= h[j + k];
                g[j] += w * d;
            }
        }
        return value;
    }

    /** Euclidean projection onto 0 <= h <= 1 with sum n/2: h_i = clamp(h_i - lambda), lambda by bisection. */
    static void project(double[] h) {
        int n = h.length;
        double lo = -2, hi = 2;
        for (int it = 0; it < 100; it++) {
            double mid = (lo + hi) / 2, s = 0;
            for (double x : h) s += Math.min(1, Math.max(0, x - mid));
            if (s > n / 2.0) lo = mid; else hi = mid;
        }
        double lambda = (lo + hi) / 2;
        for (int i = 0; i < n; i++) h[i] = Math.min(1, Math.max(0, h[i] - lambda));
        repairSum(h);
    }

    /** Moves the rounding error of the sum onto one interior height until the sum is n/2 exactly. */
    static void repairSum(double[] h) {
        int n = h.length;
        double target = n / 2.0;
        for (int round = 0; round < 20; round++) {
            double s = 0, comp = 0; // Neumaier summation
            for (double x : h) {
                double t = s + x;
                if (Math.abs(s) >= Math.abs(x)) comp += (s - t) + x; else comp += (x - t) + s;
                s = t;
            }
            double err = (s - target) + comp;
            if (err == 0) return;
            int j = -1;
            for (int i = 0; i < n; i++) if (h[i] - err > 0 && h[i] - err < 1 && (j < 0 || Math.abs(h[i] - 0.5) < Math.abs(h[j] - 0.5))) j = i;
            if (j < 0) return;
            h[j] -= err;
        }
    }
    // EVOLVE-BLOCK-END
}
