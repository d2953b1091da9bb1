import dev.thetaevolve.search.Lbfgs;
import dev.thetaevolve.search.Objective;
import java.util.SplittableRandom;

/**
 * Search seed: a non-negative step function maximizing C2 = L2^2 / (L1 * Linf) of its autoconvolution g = h*h.
 * improve() works on x with h = x^2 (non-negative heights) against the log of the ratio with max g replaced by
 * a p-norm of g (FFT convolutions for value and gradient): Adam with a little gradient noise and p raised as it
 * goes, then L-BFGS stages with p doubled each stage (continuation towards the true maximum); the exact score
 * decides what is kept. A cold start first tries many random starts on the coarse grid. When a round stops
 * gaining, the grid is refined (each step split in two, the same function) up to MAX_N steps. perturb()
 * multiplies heights by random factors and sometimes refines.
 */
public class SearchSeed {
    // EVOLVE-BLOCK-START
    static final int N0 = 48, MAX_N = 1536;
    static final double P0 = 8, P_WARM = 128, P_MAX = 4096, NOISE = 0.3;
    static final int ITERS = 200, ADAM_STEPS = 400;
    static final double ADAM_P = 32, LR = 0.02, NOISE_G = 0.3;

    public static double[] initial(SplittableRandom random) {
        double[] h = new double[N0];
        for (int i = 0; i < N0; i++) h[i] = 0.2 + random.nextDouble();
        return h;
    }

    public static double[] improve(double[] current, Objective objective, SplittableRandom random, long deadlineNanos) {
        int n = current.length;
        double sum = 0;
        for (double v : current) sum += v;
        if (!(sum > 1e-12)) return current;
        double[] best = new double[n];
        for (int i = 0; i < n; i++) best[i] = Math.max(0, current[i]) * n / sum;
        double bestScore = score(best);
        long t0 = System.nanoTime();
        score(best); // one evaluation's cost sets the margin kept before the deadline
        long stop = deadlineNanos - 1_000_000L - 4 * (System.nanoTime() - t0);
        if (n == N0) { // the first, coarse grid: the basin is chosen here, so try many random starts
            long until = t0 + (long) ((stop - t0) * 0.4);
            while (System.nanoTime() < until) {
                double[] x = adam(initial(random), until, random);
                double[] h = new double[n];
                for (int i = 0; i < n; i++) h[i] = x[i] * x[i];
                double sc = score(h);
                if (sc > bestScore) {
                    bestScore = sc;
                    best = h;
                }
            }
        }
        double p = (n <= N0 ? P0 : P_WARM) * Math.exp(random.nextDouble() * Math.log(2));
        while (System.nanoTime() < stop) {
            double roundStart = bestScore;
            double[] x = adam(best, stop, random);
            for (double q = p; q <= P_MAX && System.nanoTime() < stop; q *= 2) { // each stage from the last (continuation)
                x = Lbfgs.minimize(new Soft(q, stop), x, ITERS, 0, stop, 12);
                double[] h = new double[n];
                double s = 0;
                for (int i = 0; i < n; i++) {
                    h[i] = x[i] * x[i];
                    s += h[i];
                }
                if (!(s > 1e-9)) continue;
                for (int i = 0; i < n; i++) h[i] *= n / s;
                double sc = score(h);
                if (sc > bestScore) {
                    bestScore = sc;
                    best = h;
                }
            }
            if (bestScore > roundStart * (1 + 1e-6)) {
                p = P_WARM; // another round at the same grid, from the best point, already sharp
                continue;
            }
            if (2 * n > MAX_N) break;
            best = refine(best); // stalled: split each step in two (same function) and go on on the finer grid
            n = best.length;
            bestScore = score(best);
            p = P_WARM;
        }
        return objective.better(best, current) ? best : current;
    }

    /** Adam on x (h = x^2) against the p-norm surrogate, p raised as it goes, with a little gradient noise; returns x at the end. */
    static double[] adam(double[] h, long stop, SplittableRandom random) {
        int n = h.length;
        double[] x = new double[n], m = new double[n], v = new double[n], g = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.sqrt(h[i]);
        double p = ADAM_P;
        double lr = LR;
        for (int t = 1; t <= ADAM_STEPS && System.nanoTime() < stop; t++) {
            double f = new Soft(p, stop).value(x, g);
            if (!Double.isFinite(f)) break;
            double gn = 0;
            for (double d : g) gn += d * d;
            gn = Math.sqrt(gn / n);
            for (int i = 0; i < n; i++) {
                double d = g[i] + NOISE_G * gn * gaussian(random);
                m[i] = 0.9 * m[i] + 0.1 * d;
                v[i] = 0.999 * v[i] + 0.001 * d * d;
                double mh = m[i] / (1 - Math.pow(0.9, t)), vh = v[i] / (1 - Math.pow(0.999, t));
                x[i] -= lr * mh / (Math.sqrt(vh) + 1e-12);
            }
            if (t % 50 == 0) {
                p = Math.min(p * 1.5, P_MAX);
                lr *= 0.85;
            }
        }
        return x;
    }

    static double[] refine(double[] h) {
        double[] r = new double[2 * h.length];
        for (int i = 0; i < h.length; i++) r[2 * i] = r[2 * i + 1] = h[i];
        return r;
    }

    /** -log of the ratio, with max g replaced by the p-norm of g, as a function of x (h = x^2). */
    static final class Soft implements Lbfgs.Function {
        final double p;
        final long stop;
        boolean started;

        Soft(double p, long stop) {
            this.p = p;
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
                h[i] = x[i] * x[i];
                s += h[i];
            }
            int len = 2 * n - 1;
            int m = 1;
            while (m < 2 * n) m *= 2;
            double[] hr = new double[m], hi = new double[m];
            System.arraycopy(h, 0, hr, 0, n);
            fft(hr, hi, false);
            double[] gr = new double[m], gi = new double[m];
            for (int k = 0; k < m; k++) {
                gr[k] = hr[k] * hr[k] - hi[k] * hi[k];
                gi[k] = 2 * hr[k] * hi[k];
            }
            fft(gr, gi, true);
            double[] g = new double[len];
            for (int k = 0; k < len; k++) g[k] = Math.max(0, gr[k]); // FFT rounding can leave tiny negatives
            double top = 0;
            for (double v : g) top = Math.max(top, v);
            if (!(s > 1e-300) || !(top > 0) || !Double.isFinite(top)) {
                java.util.Arrays.fill(grad, 0);
                return Double.POSITIVE_INFINITY;
            }
            double q = 0, z = 0;
            double[] u = new double[len]; // d loss / d g_k
            for (int k = 0; k < len; k++) {
                double gk = g[k];
                q += 2 * gk * gk;
                if (k + 1 < len) q += gk * g[k + 1];
                double e = Math.pow(gk / top, p - 1);
                u[k] = e;
                z += e * gk / top;
            }
            for (int k = 0; k < len; k++) {
                double dq = 4 * g[k] + (k > 0 ? g[k - 1] : 0) + (k + 1 < len ? g[k + 1] : 0);
                u[k] = u[k] / (z * top) - dq / q;
            }
            // loss = 2 log S + log ||g||_p - log Q; d g_k / d h_i = 2 h_{k-i}
            // acc_i = sum_j u_{i+j} h_j: a correlation, by FFT as conj(H) * U
            double[] ur = new double[m], ui = new double[m];
            System.arraycopy(u, 0, ur, 0, len);
            fft(ur, ui, false);
            for (int k = 0; k < m; k++) {
                double a = hr[k] * ur[k] + hi[k] * ui[k], b = hr[k] * ui[k] - hi[k] * ur[k];
                ur[k] = a;
                ui[k] = b;
            }
            fft(ur, ui, true);
            for (int i = 0; i < n; i++) grad[i] = (2 / s + 2 * ur[i]) * 2 * x[i];
            return 2 * Math.log(s) + Math.log(top) + Math.log(z) / p - Math.log(q);
        }
    }

    public static double[] perturb(double[] current, double intensity, SplittableRandom random) {
        double[] h = current;
        if (2 * h.length <= MAX_N && random.nextDouble() < 0.2) h = refine(h);
        int n = h.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = Math.max(0, h[i]) * Math.exp(intensity * NOISE * gaussian(random));
        return out;
    }

    static double gaussian(SplittableRandom random) {
        double u = Math.max(1e-300, random.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The verifier's score in doubles: Q / (3 S^2 max g), Q = sum over the piecewise-linear segments. */
    static double score(double[] h) {
        int n = h.length;
        double s = 0;
        for (double x : h) s += x;
        int len = 2 * n - 1;
        double[] g = new double[len];
        convolve(h, g);
        double top = 0, q = 0;
        for (int k = 0; k < len; k++) {
            top = Math.max(top, g[k]);
            q += 2 * g[k] * g[k];
            if (k + 1 < len) q += g[k] * g[k + 1];
        }
        if (!(s > 0) || !(top > 0)) return 0;
        return q / (3 * s * s * top);
    }

    /** In-place radix-2 FFT of (re, im), length a power of two; the inverse is scaled by 1/length. */
    static void fft(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.cos(ang), wi = Math.sin(ang);
            for (int i = 0; i < n; i += len) {
                double cr = 1, ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k, b = i + k + len / 2;
                    double vr = re[b] * cr - im[b] * ci, vi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - vr;
                    im[b] = im[a] - vi;
                    re[a] += vr;
                    im[a] += vi;
                    double t = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = t;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }

    static void convolve(double[] h, double[] g) {
        int n = h.length;
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i < n; i++) {
            double hi = h[i];
            if (hi == 0) continue;
            for (int j = 0; j < n; j++) g[i + j] += hi * h[j];
        }
    }
    // EVOLVE-BLOCK-END
}
