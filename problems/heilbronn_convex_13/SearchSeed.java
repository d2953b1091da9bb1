import dev.thetaevolve.search.Objective;
import java.util.SplittableRandom;

/**
 * Search seed: an exact max-min polish, a trust-region sequential LP on the epigraph form (maximize t subject to
 * the linearized log-areas of the nearly smallest triangles being >= t, minus log(hull area) in the convex case,
 * the container's edges kept as linear constraints), solved by a small dense simplex and stopped at the
 * deadline; perturb relocates a vertex of the smallest triangle to the best of sampled spots (the one that
 * maximizes the new smallest area) and jitters all points on the scale of the smallest area.
 */
public class SearchSeed {
    // EVOLVE-BLOCK-START
    static final int N = 13;
    static final boolean TRIANGLE = false; // points must stay in the triangle (0,0), (1,0), (1/2, sqrt(3)/2)
    static final double S3 = Math.sqrt(3);
    static final int T = N * (N - 1) * (N - 2) / 6;
    static final int[] TI = new int[T], TJ = new int[T], TK = new int[T];
    static {
        int c = 0;
        for (int i = 0; i < N; i++) for (int j = i + 1; j < N; j++) for (int k = j + 1; k < N; k++) { TI[c] = i; TJ[c] = j; TK[c] = k; c++; }
    }
    // the triangle's edges as a . p <= b
    static final double[][] EA = {{0, -1}, {S3, 1}, {-S3, 1}};
    static final double[] EB = {0, S3, 0};

    public static double[][] initial(SplittableRandom random) {
        double[][] p = new double[N][2];
        for (int i = 0; i < N; i++) randomPoint(p[i], random);
        return p;
    }

    static void randomPoint(double[] q, SplittableRandom random) {
        double a = random.nextDouble(), b = random.nextDouble();
        if (a + b > 1) { a = 1 - a; b = 1 - b; }
        q[0] = a + 0.5 * b; // uniform in the triangle
        q[1] = S3 / 2 * b;
        if (TRIANGLE) inside(q);
    }

    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
        double[][] x = polish(current, deadlineNanos);
        return objective.better(x, current) ? x : current;
    }

    /** Trust-region SLP on max t s.t. f_c(x + d) >= t (f_c = log|area_c| - log hull), |d|_inf <= r. */
    static double[][] polish(double[][] start, long deadline) {
        double[][] x = copy(start);
        if (!TRIANGLE) normalize(x);
        double f = logScore(x);
        if (!(f > -1e300) || !(f < 1e300)) return x;
        double r = 0.02;
        double[] fc = new double[T];
        double[][] g = new double[T][2 * N];
        double[] h = new double[2 * N];
        for (int it = 0; it < 300 && r > 1e-12 && System.nanoTime() < deadline; it++) {
            double fmin = Double.MAX_VALUE;
            for (int c = 0; c < T; c++) { fc[c] = Math.log(Math.abs(area(x, TI[c], TJ[c], TK[c]))); fmin = Math.min(fmin, fc[c]); }
            double lh = 0;
            for (int k = 0; k < 2 * N; k++) h[k] = 0;
            if (!TRIANGLE) {
                double[][] dh = new double[N][2];
                double ha = hullArea(x, dh);
                lh = Math.log(ha);
                for (int i = 0; i < N; i++) { h[2 * i] = dh[i][0] / ha; h[2 * i + 1] = dh[i][1] / ha; }
            }
            // the triples that could become the smallest within the box
            int[] sel = new int[T];
            int m = 0;
            double hn = 0;
            for (int k = 0; k < 2 * N; k++) hn += Math.abs(h[k]);
            for (int c = 0; c < T; c++) {
                int i = TI[c], j = TJ[c], k = TK[c];
                double a = area(x, i, j, k);
                double s = 0.5 / a; // d log|a| / d a, sign included
                double[] gc = g[c];
                for (int q = 0; q < 2 * N; q++) gc[q] = -h[q];
                gc[2 * i] += s * (x[j][1] - x[k][1]); gc[2 * i + 1] += s * (x[k][0] - x[j][0]);
                gc[2 * j] += s * (x[k][1] - x[i][1]); gc[2 * j + 1] += s * (x[i][0] - x[k][0]);
                gc[2 * k] += s * (x[i][1] - x[j][1]); gc[2 * k + 1] += s * (x[j][0] - x[i][0]);
                double gn = hn + 2 * Math.abs(s) * (Math.abs(x[j][1] - x[k][1]) + Math.abs(x[k][0] - x[j][0]) + Math.abs(x[k][1] - x[i][1])
                        + Math.abs(x[i][0] - x[k][0]) + Math.abs(x[i][1] - x[j][1]) + Math.abs(x[j][0] - x[i][0]));
                if (fc[c] - gn * r <= fmin + 1e-12) sel[m++] = c;
            }
            double[] d = lpStep(x, fc, g, sel, m, fmin, r, deadline);
            if (d == null) break;
            double pred = d[2 * N];
            if (!(pred > 1e-10)) { // converged to 1e-10 (relative) unless the box is what limits the step
                if (pred > 1e-15 || r < 1e-9) break;
                r *= 0.25;
                continue;
            }
            double[][] y = copy(x);
            double step = 0;
            for (int i = 0; i < N; i++) {
                y[i][0] += d[2 * i];
                y[i][1] += d[2 * i + 1];
                step = Math.max(step, Math.max(Math.abs(d[2 * i]), Math.abs(d[2 * i + 1])));
                if (TRIANGLE) inside(y[i]);
            }
            double fy = logScore(y);
            if (fy > f) {
                double rho = (fy - f) / pred;
                x = y;
                f = fy;
                if (rho > 0.5 && step > 0.9 * r) r = Math.min(r * 2, 0.2);
                else if (rho < 0.25) r *= 0.5;
            } else {
                r = Math.min(r, step) * 0.3;
            }
        }
        return x;
    }

    /**
     * The LP step: max s over (s, d+, d-) >= 0 with d+, d- <= r, by a bounded-variable primal simplex (the box
     * is held as bounds, not rows); returns d and, last, the predicted gain (t - fmin); null at the deadline.
     */
    static double[] lpStep(double[][] x, double[] fc, double[][] g, int[] sel, int m, double fmin, double r, long deadline) {
        int nv = 1 + 4 * N;
        int extra = 0;
        if (TRIANGLE) {
            for (int i = 0; i < N; i++) for (int e = 0; e < 3; e++) {
                double slack = EB[e] - (EA[e][0] * x[i][0] + EA[e][1] * x[i][1]);
                if (slack < (Math.abs(EA[e][0]) + Math.abs(EA[e][1])) * r) extra++;
            }
        }
        int rows = m + extra;
        int cols = nv + rows; // variables, then slacks
        double[][] tab = new double[rows + 1][cols];
        double[] val = new double[rows];
        double[] ub = new double[cols];
        boolean[] up = new boolean[cols];
        boolean[] basic = new boolean[cols];
        int[] basis = new int[rows];
        for (int k = 0; k < cols; k++) ub[k] = k >= 1 && k < nv ? r : Double.POSITIVE_INFINITY;
        int row = 0;
        for (int q = 0; q < m; q++, row++) {
            int c = sel[q];
            tab[row][0] = 1;
            for (int k = 0; k < 2 * N; k++) { tab[row][1 + k] = -g[c][k]; tab[row][1 + 2 * N + k] = g[c][k]; }
            val[row] = fc[c] - fmin;
        }
        if (TRIANGLE) {
            for (int i = 0; i < N; i++) for (int e = 0; e < 3; e++) {
                double slack = EB[e] - (EA[e][0] * x[i][0] + EA[e][1] * x[i][1]);
                if (!(slack < (Math.abs(EA[e][0]) + Math.abs(EA[e][1])) * r)) continue;
                for (int d = 0; d < 2; d++) { tab[row][1 + 2 * i + d] = EA[e][d]; tab[row][1 + 2 * N + 2 * i + d] = -EA[e][d]; }
                val[row] = Math.max(0, slack) * 0.999999;
                row++;
            }
        }
        for (int q = 0; q < rows; q++) { tab[q][nv + q] = 1; basis[q] = nv + q; basic[nv + q] = true; }
        double[] obj = tab[rows];
        obj[0] = -1; // reduced costs of max s: improving where < 0 at the lower bound, > 0 at the upper
        for (int pivots = 0; pivots < 3000; pivots++) {
            if ((pivots & 31) == 31 && System.nanoTime() > deadline) return null;
            int enter = -1;
            double most = 1e-12;
            boolean bland = pivots > 400;
            for (int k = 0; k < cols; k++) {
                if (basic[k]) continue;
                double gain = up[k] ? obj[k] : -obj[k];
                if (gain > most) { enter = k; if (bland) break; most = gain; }
            }
            if (enter < 0) break;
            double dir = up[enter] ? -1 : 1;
            double t = ub[enter];
            int leave = -1;
            boolean leaveUp = false;
            for (int q = 0; q < rows; q++) {
                double a = tab[q][enter] * dir; // the basic variable of row q moves by -a t
                if (a > 1e-12) {
                    double tq = Math.max(0, val[q]) / a;
                    if (tq < t) { t = tq; leave = q; leaveUp = false; }
                } else if (a < -1e-12 && ub[basis[q]] < Double.POSITIVE_INFINITY) {
                    double tq = Math.max(0, ub[basis[q]] - val[q]) / -a;
                    if (tq < t) { t = tq; leave = q; leaveUp = true; }
                }
            }
            if (t == Double.POSITIVE_INFINITY) return null; // unbounded: cannot happen with the box
            for (int q = 0; q < rows; q++) val[q] -= tab[q][enter] * dir * t;
            if (leave < 0) { up[enter] = !up[enter]; continue; } // a bound flip
            double entered = up[enter] ? ub[enter] - t : t;
            double[] lr = tab[leave];
            double pv = lr[enter];
            for (int k = 0; k < cols; k++) lr[k] /= pv;
            for (int q = 0; q <= rows; q++) {
                if (q == leave) continue;
                double[] tq = tab[q];
                double a = tq[enter];
                if (a == 0) continue;
                for (int k = 0; k < cols; k++) tq[k] -= a * lr[k];
            }
            int out = basis[leave];
            basic[out] = false;
            up[out] = leaveUp;
            basic[enter] = true;
            up[enter] = false;
            basis[leave] = enter;
            val[leave] = entered;
        }
        double[] z = new double[nv];
        for (int k = 0; k < nv; k++) z[k] = up[k] ? ub[k] : 0;
        for (int q = 0; q < rows; q++) if (basis[q] < nv) z[basis[q]] = Math.min(ub[basis[q]], Math.max(0, val[q]));
        double[] d = new double[2 * N + 1];
        for (int k = 0; k < 2 * N; k++) d[k] = z[1 + k] - z[1 + 2 * N + k];
        d[2 * N] = z[0];
        return d;
    }

    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
        double[][] p = copy(current);
        if (!TRIANGLE) normalize(p);
        int[] tri = smallest(p);
        double scale = Math.sqrt(Math.abs(area(p, tri[0], tri[1], tri[2])));
        if (random.nextDouble() < 0.7) {
            int moves = 1 + (int) (random.nextDouble() * intensity * 3); // 1 to 3 points, more as the intensity grows
            for (int k = 0; k < moves; k++) {
                tri = smallest(p);
                int i = random.nextDouble() < 0.8 ? tri[random.nextInt(3)] : random.nextInt(N);
                relocate(p, i, 24 + (int) (200 * random.nextDouble()), random);
            }
            jitter(p, 0.1 * intensity * scale, random);
        } else {
            jitter(p, 0.4 * intensity * scale, random);
        }
        return p;
    }

    static void jitter(double[][] p, double sigma, SplittableRandom random) {
        for (int i = 0; i < N; i++) {
            p[i][0] += sigma * (2 * random.nextDouble() - 1);
            p[i][1] += sigma * (2 * random.nextDouble() - 1);
            if (TRIANGLE) inside(p[i]);
        }
    }

    /** Moves point i to the best of {@code samples} random spots: the one whose new smallest (normalized) area is largest. */
    static void relocate(double[][] p, int i, int samples, SplittableRandom random) {
        double rest = Double.MAX_VALUE; // the smallest area among triples without i
        for (int c = 0; c < T; c++) if (TI[c] != i && TJ[c] != i && TK[c] != i) rest = Math.min(rest, Math.abs(area(p, TI[c], TJ[c], TK[c])));
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE}, hi = {-Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int k = 0; k < N; k++) for (int d = 0; d < 2; d++) { lo[d] = Math.min(lo[d], p[k][d]); hi[d] = Math.max(hi[d], p[k][d]); }
        double[] best = {p[i][0], p[i][1]};
        double bestValue = -1;
        for (int s = 0; s < samples; s++) {
            if (TRIANGLE) {
                randomPoint(p[i], random);
                if (random.nextDouble() < 0.3) { // on an edge
                    double t = random.nextDouble();
                    int e = random.nextInt(3);
                    p[i][0] = e == 0 ? t : e == 1 ? 1 - 0.5 * t : 0.5 * t;
                    p[i][1] = e == 0 ? 0 : S3 / 2 * t;
                    inside(p[i]);
                }
            } else {
                for (int d = 0; d < 2; d++) p[i][d] = lo[d] - 0.1 * (hi[d] - lo[d]) + 1.2 * (hi[d] - lo[d]) * random.nextDouble();
            }
            double v = rest;
            for (int j = 0; j < N && (!TRIANGLE || v > bestValue); j++) {
                if (j == i) continue;
                for (int k = j + 1; k < N; k++) if (k != i) v = Math.min(v, Math.abs(area(p, i, j, k)));
            }
            if (!TRIANGLE) v /= hullArea(p, null);
            if (v > bestValue) { bestValue = v; best[0] = p[i][0]; best[1] = p[i][1]; }
        }
        p[i][0] = best[0];
        p[i][1] = best[1];
    }

    static int[] smallest(double[][] p) {
        double lo = Double.MAX_VALUE;
        int[] t = new int[3];
        for (int c = 0; c < T; c++) {
            double a = Math.abs(area(p, TI[c], TJ[c], TK[c]));
            if (a < lo) { lo = a; t[0] = TI[c]; t[1] = TJ[c]; t[2] = TK[c]; }
        }
        return t;
    }

    /** Affine normalization (convex case, where the score is affine invariant): centroid 0, covariance 1. */
    static void normalize(double[][] p) {
        double mx = 0, my = 0;
        for (int i = 0; i < N; i++) { mx += p[i][0] / N; my += p[i][1] / N; }
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < N; i++) {
            double dx = p[i][0] - mx, dy = p[i][1] - my;
            sxx += dx * dx / N; sxy += dx * dy / N; syy += dy * dy / N;
        }
        double l11 = Math.sqrt(sxx), l21 = sxy / l11, l22 = Math.sqrt(syy - l21 * l21);
        if (!(l11 > 0) || !(l22 > 0)) return;
        for (int i = 0; i < N; i++) {
            double dx = p[i][0] - mx, dy = p[i][1] - my;
            double u = dx / l11;
            p[i][0] = u;
            p[i][1] = (dy - l21 * u) / l22;
        }
    }

    static double area(double[][] p, int i, int j, int k) {
        return 0.5 * ((p[j][0] - p[i][0]) * (p[k][1] - p[i][1]) - (p[k][0] - p[i][0]) * (p[j][1] - p[i][1]));
    }

    /** log of the smallest triangle area over the normaliser (the triangle's area, or the hull's). */
    static double logScore(double[][] p) {
        double lo = Double.MAX_VALUE;
        for (int c = 0; c < T; c++) lo = Math.min(lo, Math.abs(area(p, TI[c], TJ[c], TK[c])));
        return Math.log(lo / (TRIANGLE ? S3 / 4 : hullArea(p, null)));
    }

    /** Area of the convex hull (monotone chain); fills its gradient when {@code grad} is not null. */
    static double hullArea(double[][] p, double[][] grad) {
        int[] idx = new int[N];
        for (int i = 0; i < N; i++) idx[i] = i;
        for (int i = 1; i < N; i++) { // insertion sort by (x, y)
            int key = idx[i];
            int j = i - 1;
            while (j >= 0 && (p[idx[j]][0] > p[key][0] || (p[idx[j]][0] == p[key][0] && p[idx[j]][1] > p[key][1]))) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = key;
        }
        int[] hull = new int[2 * N];
        int k = 0;
        for (int s = 0; s < N; s++) {
            int i = idx[s];
            while (k >= 2 && cross(p, hull[k - 2], hull[k - 1], i) <= 0) k--;
            hull[k++] = i;
        }
        for (int s = N - 2, lower = k + 1; s >= 0; s--) {
            int i = idx[s];
            while (k >= lower && cross(p, hull[k - 2], hull[k - 1], i) <= 0) k--;
            hull[k++] = i;
        }
        k--; // the last point repeats the first
        double area = 0;
        for (int s = 0; s < k; s++) {
            int i = hull[s], j = hull[(s + 1) % k];
            area += p[i][0] * p[j][1] - p[j][0] * p[i][1];
        }
        if (grad != null) {
            for (int s = 0; s < k; s++) {
                int prev = hull[(s + k - 1) % k], i = hull[s], next = hull[(s + 1) % k];
                grad[i][0] = 0.5 * (p[next][1] - p[prev][1]);
                grad[i][1] = 0.5 * (p[prev][0] - p[next][0]);
            }
        }
        return 0.5 * area;
    }

    static double cross(double[][] p, int o, int a, int b) {
        return (p[a][0] - p[o][0]) * (p[b][1] - p[o][1]) - (p[a][1] - p[o][1]) * (p[b][0] - p[o][0]);
    }

    /** Moves a point into the closed triangle as the verifier tests it (y >= 0, sqrt3 x <= sqrt3 - y, y <= sqrt3 x). */
    static void inside(double[] q) {
        for (int round = 0; round < 3; round++) { // project onto each violated edge line
            if (q[1] < 0) q[1] = 0;
            double e1 = S3 * q[0] + q[1] - S3; // > 0: beyond the right edge, normal (sqrt3, 1)/2
            if (e1 > 0) { q[0] -= e1 * S3 / 4; q[1] -= e1 / 4; }
            double e2 = q[1] - S3 * q[0]; // > 0: beyond the left edge, normal (-sqrt3, 1)/2
            if (e2 > 0) { q[0] += e2 * S3 / 4; q[1] -= e2 / 4; }
        }
        double cx = 0.5, cy = S3 / 6;
        for (int round = 0; round < 60 && !(q[1] >= 0 && S3 * q[0] <= S3 - q[1] && q[1] <= S3 * q[0]); round++) {
            double t = 1e-15 * Math.pow(2, round);
            q[0] += t * (cx - q[0]);
            q[1] += t * (cy - q[1]);
        }
    }

    static double[][] copy(double[][] a) {
        double[][] b = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = new double[a[i].length];
            System.arraycopy(a[i], 0, b[i], 0, a[i].length);
        }
        return b;
    }
    // EVOLVE-BLOCK-END
}
