import dev.thetaevolve.search.Lbfgs;
import dev.thetaevolve.search.Objective;
import java.util.SplittableRandom;

/**
 * Search seed: Adam steps (exploring), then an L-BFGS polish, on the step heights against a log-sum-exp (soft maximum) of the normalised
 * autoconvolution, signed heights, largest absolute entry, with the temperature sharpened as it goes; the exact score decides what is
 * kept. perturb adds noise and, while the grid is coarse, refines it (each step split in two).
 */
public class SearchSeed {
    // EVOLVE-BLOCK-START
    static final int MODE = 2; // 0: C1 (h >= 0, max of h*h), 1: C3 (signed, max of h*h), 2: C3' (signed, max |h*h|)
    static final int MAX_N = 1200;
    static final double BETA0 = 1000, BETA_SPREAD = 3, NOISE = 0.2, ADAM_SHARE = 0.9;

    public static double[] initial(SplittableRandom random) {
        int n = 40;
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = random.nextDouble();
            if (MODE != 0) h[i] -= 0.2;
        }
        return h;
    }

    public static double[] improve(double[] current, Objective objective, SplittableRandom random, long deadlineNanos) {
        int n = current.length;
        double sum = 0;
        for (double v : current) sum += v;
        if (!(Math.abs(sum) > 1e-12)) return current;
        double[] best = new double[n];
        for (int i = 0; i < n; i++) best[i] = current[i] * n / sum; // scale-free score: keep the mass at n
        double bestScore = score(best);
        long t0 = System.nanoTime();
        score(best); // one evaluation's cost sets the margin kept before the deadline
        long stop = deadlineNanos - 1_000_000L - 4 * (System.nanoTime() - t0);
        if (n <= 40) { // the first, coarse grid: the basin is chosen here, so try many random starts
            long until = t0 + (long) ((stop - t0) * 0.4);
            while (System.nanoTime() < until) {
                double[] start = initial(random);
                if (start.length != n) break;
                double[] tried = adam(start, until);
                double sc = score(tried);
                if (sc < bestScore) {
                    bestScore = sc;
                    best = tried;
                }
            }
        }
        double[] explored = adam(best, t0 + (long) ((stop - t0) * ADAM_SHARE));
        double exploredScore = score(explored);
        if (exploredScore < bestScore) {
            bestScore = exploredScore;
            best = explored;
        }
        // then the polish: L-BFGS on the soft maximum, the temperature sharpened stage by stage (continuation); C1 keeps
        // h >= 0 through h = x^2. Each stage starts from the best point so far; the exact score decides.
        double beta = BETA0 * Math.exp(random.nextDouble() * Math.log(BETA_SPREAD));
        while (beta < 1e6 && System.nanoTime() < stop) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = MODE == 0 ? Math.sqrt(Math.max(0, best[i])) : best[i];
            x = Lbfgs.minimize(new Soft(beta, stop), x, 150, 0, stop, 12);
            double[] h = new double[n];
            double s = 0;
            for (int i = 0; i < n; i++) {
                h[i] = MODE == 0 ? x[i] * x[i] : x[i];
                s += h[i];
            }
            if (Math.abs(s) > 1e-9) {
                for (int i = 0; i < n; i++) h[i] *= n / s;
                double sc = score(h);
                if (sc < bestScore) {
                    bestScore = sc;
                    best = h;
                }
            }
            beta *= 3;
        }
        return objective.better(best, current) ? best : current;
    }

    /** The Adam phase: explores (its noisy steps cross into other basins); returns its best, mass n. */
    static double[] adam(double[] current, long deadlineNanos) {
        int n = current.length;
        double[] h = new double[n];
        System.arraycopy(current, 0, h, 0, n);
        double sum = 0;
        for (double v : h) sum += v;
        for (int i = 0; i < n; i++) h[i] *= n / sum; // scale-free score: keep the mass at n
        double[] best = new double[n];
        System.arraycopy(h, 0, best, 0, n);
        double bestScore = score(h);
        double[] m = new double[n], v = new double[n], g = new double[n], conv = new double[2 * n - 1];
        double lr = 0.01;
        double beta = 20;
        int t = 0;
        int stall = 0;
        while (System.nanoTime() < deadlineNanos && t < 3000 && stall < 600) { // a local solve: ends when it converges
            t++;
            stall++;
            gradient(h, beta, g, conv);
            for (int i = 0; i < n; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                double mh = m[i] / (1 - Math.pow(0.9, t)), vh = v[i] / (1 - Math.pow(0.999, t));
                h[i] -= lr * mh / (Math.sqrt(vh) + 1e-12);
                if (MODE == 0 && h[i] < 0) h[i] = 0;
            }
            double s = 0;
            for (double x : h) s += x;
            if (!(Math.abs(s) > 1e-9)) break;
            for (int i = 0; i < n; i++) h[i] *= n / s;
            if (t % 10 == 0) {
                double sc = score(h);
                if (sc < bestScore) {
                    if (sc < bestScore * (1 - 1e-9)) stall = 0;
                    bestScore = sc;
                    System.arraycopy(h, 0, best, 0, n);
                }
                if (t % 200 == 0) {
                    beta = Math.min(beta * 1.5, 5000);
                    lr = Math.max(lr * 0.8, 2e-4);
                }
            }
        }
        return best;
    }

    /** The soft maximum of the normalised autoconvolution as a smooth function of x (h = x^2 for C1, else h = x). */
    static final class Soft implements Lbfgs.Function {
        final double beta;
        final long stop;
        boolean started;

        Soft(double beta, long stop) {
            this.beta = beta;
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
            for (int i = 0; i < n; i++) h[i] = MODE == 0 ? x[i] * x[i] : x[i];
            double[] conv = new double[2 * n - 1];
            double f = gradient(h, beta, grad, conv);
            if (MODE == 0) for (int i = 0; i < n; i++) grad[i] *= 2 * x[i];
            return f;
        }
    }

    public static double[] perturb(double[] current, double intensity, SplittableRandom random) {
        int n = current.length;
        double[] h = current;
        if (2 * n <= MAX_N && random.nextDouble() < 0.3) { // refine the grid: same function, twice the steps
            h = new double[2 * n];
            for (int i = 0; i < n; i++) h[2 * i] = h[2 * i + 1] = current[i];
            n = 2 * n;
        }
        double mean = 0;
        for (double x : h) mean += Math.abs(x);
        mean /= n;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = h[i] + intensity * NOISE * mean * (random.nextDouble() * 2 - 1);
            if (MODE == 0 && out[i] < 0) out[i] = 0;
        }
        return out;
    }

    /** The exact score in doubles (what the verifier computes). */
    static double score(double[] h) {
        int n = h.length;
        double s = 0;
        for (double x : h) s += x;
        double[] conv = new double[2 * n - 1];
        convolve(h, conv);
        double worst = Double.NEGATIVE_INFINITY;
        for (double c : conv) {
            if (MODE == 2) c = Math.abs(c);
            worst = Math.max(worst, c);
        }
        return Math.abs(2 * n * worst / (s * s));
    }

    static void convolve(double[] h, double[] conv) {
        int n = h.length;
        java.util.Arrays.fill(conv, 0);
        for (int i = 0; i < n; i++) {
            double hi = h[i];
            if (hi == 0) continue;
            for (int j = 0; j < n; j++) conv[i + j] += hi * h[j];
        }
    }

    /** Gradient of the soft maximum of c_k = 2n (h*h)_k / S^2 (and of -c_k for C3'), S = sum h. */
    static double gradient(double[] h, double beta, double[] g, double[] conv) {
        int n = h.length;
        convolve(h, conv);
        double s = 0;
        for (double x : h) s += x;
        double scale = 2.0 * n / (s * s);
        int len = 2 * n - 1;
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < len; k++) {
            double c = conv[k] * scale;
            if (MODE == 2) c = Math.abs(c);
            top = Math.max(top, c);
        }
        if (!(Math.abs(s) > 1e-300) || !Double.isFinite(top)) {
            java.util.Arrays.fill(g, 0);
            return Double.POSITIVE_INFINITY;
        }
        double[] w = new double[len]; // d softmax / d c_k
        double z = 0;
        for (int k = 0; k < len; k++) {
            double c = conv[k] * scale;
            double e = Math.exp(beta * (c - top));
            w[k] = e;
            z += e;
            if (MODE == 2) {
                double e2 = Math.exp(beta * (-c - top));
                w[k] -= e2;
                z += e2;
            }
        }
        double wc = 0;
        for (int k = 0; k < len; k++) {
            w[k] /= z;
            wc += w[k] * conv[k];
        }
        // dc_k/dh_i = scale (2 h_{k-i} - 2 (h*h)_k / S)
        for (int i = 0; i < n; i++) {
            double acc = 0;
            for (int j = 0; j < n; j++) acc += w[i + j] * h[j];
            g[i] = scale * (2 * acc - 2 * wc / s);
        }
        return top + Math.log(z) / beta;
    }
    // EVOLVE-BLOCK-END
}
