import dev.thetaevolve.search.Objective;
import java.util.SplittableRandom;

/**
 * Search seed: random multi-scale sampling around the current coefficients (each of c1, c2 rescaled by a
 * log-uniform factor, sign flips allowed), then a (1+1) evolution strategy with a self-adapting step (the
 * one-fifth rule) from the best sample. Scores are computed in doubles by scanning P(x)/x^2 for its largest
 * sign change and bisecting it; the exact verifier decides what is returned.
 */
public class SearchSeed {
    // EVOLVE-BLOCK-START
    public static double[] initial(SplittableRandom random) {
        for (int tries = 0; tries < 1000; tries++) {
            double[] c = {1, 0.2 * (random.nextDouble() - 0.5), 0.02 * (random.nextDouble() - 0.5)};
            if (!Double.isNaN(score(c))) return c;
        }
        return new double[] {1, 0, 0};
    }

    public static double[] improve(double[] current, Objective objective, SplittableRandom random, long deadlineNanos) {
        double[] x = {current[0], current[1], current[2]};
        double fx = score(x);
        if (Double.isNaN(fx)) return current;
        // phase 1: multi-scale random sampling (the landscape jumps wherever a root pair appears or vanishes)
        long phase1 = System.nanoTime() + (deadlineNanos - System.nanoTime()) * 2 / 5;
        for (int sample = 0; sample < 20000 && System.nanoTime() < phase1; sample++) {
            double[] y = {x[0], x[1], x[2]};
            for (int i = 1; i < 3; i++) {
                double mag = Math.abs(x[i]) > 0 ? Math.abs(x[i]) : Math.pow(10, -2 * i);
                y[i] = mag * Math.pow(10, 3 * (random.nextDouble() - 0.5)) * (random.nextInt(4) == 0 ? -Math.signum(x[i] + 1e-300) : Math.signum(x[i] + 1e-300));
            }
            double fy = score(y);
            if (!Double.isNaN(fy) && fy < fx) {
                x = y;
                fx = fy;
            }
        }
        double[] sigma = {0.05, 0.05, 0.05}; // relative steps
        int success = 0, trials = 0, evaluations = 0;
        while (System.nanoTime() < deadlineNanos && evaluations++ < 5000 && sigma[0] + sigma[1] + sigma[2] > 3.1e-9) { // ends when the step collapses
            double[] y = new double[3];
            for (int i = 0; i < 3; i++) y[i] = x[i] + sigma[i] * (Math.abs(x[i]) + 1e-6) * gauss(random);
            double fy = score(y);
            trials++;
            if (!Double.isNaN(fy) && fy <= fx) {
                if (fy < fx) success++;
                x = y;
                fx = fy;
            }
            if (trials == 20) { // one-fifth success rule
                double f = success > 4 ? 1.5 : 0.6;
                for (int i = 0; i < 3; i++) sigma[i] = Math.min(0.5, Math.max(1e-9, sigma[i] * f));
                trials = 0;
                success = 0;
            }
        }
        return objective.better(x, current) ? x : current;
    }

    public static double[] perturb(double[] current, double intensity, SplittableRandom random) {
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) y[i] = current[i] * (1 + 0.2 * intensity * gauss(random)) + 1e-4 * intensity * gauss(random);
        return y;
    }

    private static double gauss(SplittableRandom random) {
        double u = 1 - random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Physicists' Hermite polynomial H_n(x) by the three-term recurrence. */
    static double hermite(int n, double x) {
        double a = 1, b = 2 * x;
        if (n == 0) return a;
        for (int k = 1; k < n; k++) {
            double c = 2 * x * b - 2 * k * a;
            a = b;
            b = c;
        }
        return b;
    }

    /** Monomial coefficients of H_0 .. H_12 from the same recurrence: H[n][k] is the x^k coefficient. */
    static final double[][] H = coefficients();

    private static double[][] coefficients() {
        double[][] h = new double[13][13];
        h[0][0] = 1;
        h[1][1] = 2;
        for (int n = 1; n < 12; n++) {
            for (int k = 0; k <= 12; k++) {
                double v = -2.0 * n * h[n - 1][k];
                if (k > 0) v += 2 * h[n][k - 1];
                h[n + 1][k] = v;
            }
        }
        return h;
    }

    /** The even polynomial P as coefficients of t = x^2 (degree 6). */
    static double[] inT(double[] c, double c3) {
        double[] q = new double[7];
        for (int j = 0; j <= 6; j++) q[j] = c[0] * H[0][2 * j] + c[1] * H[4][2 * j] + c[2] * H[8][2 * j] + c3 * H[12][2 * j];
        return q;
    }

    static double horner(double[] q, double t) {
        double v = 0;
        for (int j = q.length - 1; j >= 0; j--) v = v * t + q[j];
        return v;
    }

    static double p(double[] q, double x) {
        return horner(q, x * x);
    }

    /** r^2 / (2 pi), r the largest sign change of P(x)/x^2 on (0, 12]; NaN when there is none. */
    static double score(double[] c) {
        double c3 = -(c[0] + c[1] * hermite(4, 0) + c[2] * hermite(8, 0)) / hermite(12, 0);
        double sign = 1;
        double lead = c3 != 0 ? c3 : (c[2] != 0 ? c[2] : c[1]);
        if (lead < 0) sign = -1;
        double step = 0.002;
        double x = 12;
        double[] q = inT(c, c3);
        double prev = sign * p(q, x);
        if (prev <= 0) return Double.NaN;
        while (x > step) {
            double nx = x - step;
            double v = sign * p(q, nx);
            if (v < 0) { // sign change in [nx, x]: bisect
                double lo = nx, hi = x;
                for (int it = 0; it < 60; it++) {
                    double mid = (lo + hi) / 2;
                    if (sign * p(q, mid) < 0) lo = mid; else hi = mid;
                }
                double r = (lo + hi) / 2;
                return r * r / (2 * Math.PI);
            }
            x = nx;
        }
        return Double.NaN;
    }
    // EVOLVE-BLOCK-END
}
