import dev.thetaevolve.search.Lbfgs;
import dev.thetaevolve.search.Objective;

import java.util.SplittableRandom;

/**
 * Search seed: unit hexagons in the smallest regular hexagon. improve() solves a penalty problem with L-BFGS on
 * analytic gradients: the variables are every inner hexagon's centre and angle, the outer side, and for every
 * pair a separating line (angle and offset); the energy is the side plus mu times the squared breaches of
 * "pair's vertices on their own side of its line" and "every vertex inside every outer edge", with mu raised
 * stage by stage. A repair then spreads the centres by the smallest factor that separates every pair by the
 * verifier's own test and sets the side to what the vertices need. perturb() rotates, relocates (to the roomiest
 * of a few sampled spots) or swaps the angles of a few hexagons and jitters the rest.
 */
public class SearchSeed {
    // EVOLVE-BLOCK-START
    static final int N = 12;
    static final int P = N * (N - 1) / 2;
    static final int DIM = 3 * N + 1 + 2 * P;
    static final double R3 = Math.sqrt(3);
    static final int[] PI = new int[P], PJ = new int[P];
    static final double[] CK = new double[6], SK = new double[6], NX = new double[6], NY = new double[6];

    static {
        int p = 0;
        for (int i = 0; i < N; i++) for (int j = i + 1; j < N; j++, p++) {
            PI[p] = i;
            PJ[p] = j;
        }
        for (int k = 0; k < 6; k++) {
            CK[k] = Math.cos(k * Math.PI / 3);
            SK[k] = Math.sin(k * Math.PI / 3);
            NX[k] = Math.cos(Math.PI / 6 + k * Math.PI / 3); // outward normals of the outer hexagon (angle 0)
            NY[k] = Math.sin(Math.PI / 6 + k * Math.PI / 3);
        }
    }

    public static double[][] initial(SplittableRandom random) {
        // the N points of a triangular lattice (spacing 2.2, randomly shifted) nearest the centre; random angles
        double ox = random.nextDouble() - 0.5, oy = random.nextDouble() - 0.5;
        double[] px = new double[400], py = new double[400], d = new double[400];
        int m = 0;
        for (int a = -9; a <= 9; a++) for (int b = -9; b <= 9 && m < 400; b++) {
            px[m] = 2.2 * (a + 0.5 * b) + ox;
            py[m] = 2.2 * (R3 / 2 * b) + oy;
            d[m] = px[m] * px[m] + py[m] * py[m];
            m++;
        }
        double[] x = new double[3 * N + 1];
        for (int i = 0; i < N; i++) {
            int best = 0;
            for (int q = 1; q < m; q++) if (d[q] < d[best]) best = q;
            x[3 * i] = px[best];
            x[3 * i + 1] = py[best];
            x[3 * i + 2] = Math.PI / 3 * random.nextDouble();
            d[best] = Double.MAX_VALUE;
        }
        return repair(x);
    }

    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
        double[] c = input(current);
        double[] z = new double[DIM];
        System.arraycopy(c, 0, z, 0, 3 * N + 1);
        initLines(z);
        Energy e = new Energy();
        double start = current[N][2];
        for (double mu = 10; mu <= 1e7 && System.nanoTime() < deadlineNanos; mu *= 10) {
            e.mu = mu;
            z = Lbfgs.minimize(e, z, 400, 1e-10, deadlineNanos, 12);
            // the penalty side only grows as mu stiffens: a hop that is already well above its start is dropped
            if (mu >= 1e3 && z[3 * N] > start + 3e-3) return current;
        }
        double[] x = new double[3 * N + 1];
        System.arraycopy(z, 0, x, 0, 3 * N + 1);
        double[][] out = repair(x);
        if (out == null || !objective.valid(out)) return current;
        return objective.better(out, current) ? out : current;
    }

    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
        double[] x = input(current);
        double s = x[3 * N];
        int moves = 1 + random.nextInt(1 + (int) (intensity * 3));
        for (int k = 0; k < moves; k++) {
            int i = random.nextInt(N);
            int kind = random.nextInt(6);
            if (kind == 0) { // relocate to the roomiest of a few sampled spots
                double bx = 0, by = 0, room = -1;
                for (int tries = 0; tries < 30; tries++) {
                    double px = (s - 1) * (2 * random.nextDouble() - 1), py = (s - 1) * (2 * random.nextDouble() - 1);
                    double m = 1e9;
                    for (int e = 0; e < 6; e++) m = Math.min(m, s * R3 / 2 - (px * NX[e] + py * NY[e]));
                    if (m < 0) continue;
                    m *= 2;
                    for (int j = 0; j < N; j++) {
                        if (j == i) continue;
                        double dx = px - x[3 * j], dy = py - x[3 * j + 1];
                        m = Math.min(m, Math.sqrt(dx * dx + dy * dy));
                    }
                    if (m > room) {
                        room = m;
                        bx = px;
                        by = py;
                    }
                }
                if (room > 0) {
                    x[3 * i] = bx;
                    x[3 * i + 1] = by;
                }
                x[3 * i + 2] = Math.PI / 3 * random.nextDouble();
            } else if (kind == 1) { // swap angles with another
                int j = random.nextInt(N);
                double t = x[3 * i + 2];
                x[3 * i + 2] = x[3 * j + 2];
                x[3 * j + 2] = t;
            } else if (kind == 2) { // rotate
                x[3 * i + 2] += Math.PI / 3 * (random.nextDouble() - 0.5) * (0.3 + intensity);
            } else if (kind == 4) { // turn the whole packing inside the outer hexagon
                double d = Math.PI / 6 * (random.nextDouble() - 0.5) * (0.3 + intensity), co = Math.cos(d), si = Math.sin(d);
                for (int j = 0; j < N; j++) {
                    double px = x[3 * j], py = x[3 * j + 1];
                    x[3 * j] = co * px - si * py;
                    x[3 * j + 1] = si * px + co * py;
                    x[3 * j + 2] += d;
                }
            } else if (kind == 5) { // turn every hexagon a little, each its own way
                for (int j = 0; j < N; j++) x[3 * j + 2] += Math.PI / 6 * (random.nextDouble() - 0.5) * intensity;
            } else { // push towards the centre or outwards
                double f = 1 + 0.3 * (random.nextDouble() - 0.5) * (0.3 + intensity);
                x[3 * i] *= f;
                x[3 * i + 1] *= f;
            }
        }
        double shake = 0.1 * intensity;
        for (int i = 0; i < 3 * N; i++) x[i] += shake * (random.nextDouble() - 0.5);
        return output(x);
    }

    /** Each pair's line: the edge normal of either hexagon that separates them best, at the middle of the gap. */
    static void initLines(double[] z) {
        for (int p = 0; p < P; p++) {
            int i = PI[p], j = PJ[p];
            double dx = z[3 * j] - z[3 * i], dy = z[3 * j + 1] - z[3 * i + 1];
            double bestGap = -1e18, bestA = Math.atan2(dy, dx), bestC = 0;
            for (int h = 0; h < 2; h++) {
                double base = z[3 * (h == 0 ? i : j) + 2];
                for (int k = 0; k < 6; k++) {
                    double a = base + Math.PI / 6 + k * Math.PI / 3;
                    double nx = Math.cos(a), ny = Math.sin(a);
                    if (nx * dx + ny * dy < 0) continue;
                    double maxI = -1e18, minJ = 1e18;
                    for (int q = 0; q < 6; q++) {
                        double ai = z[3 * i + 2] + q * Math.PI / 3, aj = z[3 * j + 2] + q * Math.PI / 3;
                        maxI = Math.max(maxI, nx * (z[3 * i] + Math.cos(ai)) + ny * (z[3 * i + 1] + Math.sin(ai)));
                        minJ = Math.min(minJ, nx * (z[3 * j] + Math.cos(aj)) + ny * (z[3 * j + 1] + Math.sin(aj)));
                    }
                    if (minJ - maxI > bestGap) {
                        bestGap = minJ - maxI;
                        bestA = a;
                        bestC = (minJ + maxI) / 2;
                    }
                }
            }
            z[3 * N + 1 + 2 * p] = bestA;
            z[3 * N + 2 + 2 * p] = bestC;
        }
    }

    /** side + mu * (squared breaches of the pair lines and of the outer edges), with its exact gradient. */
    static final class Energy implements Lbfgs.Function {
        double mu;
        final double[] vx = new double[6 * N], vy = new double[6 * N], ca = new double[6 * N], sa = new double[6 * N];

        public double value(double[] z, double[] g) {
            java.util.Arrays.fill(g, 0);
            double s = z[3 * N];
            for (int i = 0; i < N; i++) {
                double ct = Math.cos(z[3 * i + 2]), st = Math.sin(z[3 * i + 2]);
                for (int k = 0; k < 6; k++) {
                    int v = 6 * i + k;
                    ca[v] = ct * CK[k] - st * SK[k];
                    sa[v] = st * CK[k] + ct * SK[k];
                    vx[v] = z[3 * i] + ca[v];
                    vy[v] = z[3 * i + 1] + sa[v];
                }
            }
            double pen = 0, m2 = 2 * mu, half = s * R3 / 2, gs = 0;
            for (int i = 0; i < N; i++) {
                double far = -1e18;
                for (int e = 0; e < 6; e++) far = Math.max(far, z[3 * i] * NX[e] + z[3 * i + 1] * NY[e]);
                if (far + 1 <= half) continue; // its circumscribed circle lies inside every outer edge
                for (int k = 0; k < 6; k++) {
                    int v = 6 * i + k;
                    for (int e = 0; e < 6; e++) {
                        double h = vx[v] * NX[e] + vy[v] * NY[e] - half;
                        if (h > 0) {
                            pen += h * h;
                            double w = m2 * h;
                            g[3 * i] += w * NX[e];
                            g[3 * i + 1] += w * NY[e];
                            g[3 * i + 2] += w * (NY[e] * ca[v] - NX[e] * sa[v]);
                            gs -= w * R3 / 2;
                        }
                    }
                }
            }
            for (int p = 0; p < P; p++) {
                int i = PI[p], j = PJ[p];
                int b = 3 * N + 1 + 2 * p;
                double dx = z[3 * j] - z[3 * i], dy = z[3 * j + 1] - z[3 * i + 1];
                double nx = Math.cos(z[b]), ny = Math.sin(z[b]), c = z[b + 1];
                double ci = nx * z[3 * i] + ny * z[3 * i + 1], cj = nx * z[3 * j] + ny * z[3 * j + 1];
                if (ci + 1 <= c && cj - 1 >= c) continue; // the circumscribed circles already lie apart
                for (int k = 0; k < 6; k++) {
                    int v = 6 * i + k;
                    double h = nx * vx[v] + ny * vy[v] - c;
                    if (h > 0) {
                        pen += h * h;
                        double w = m2 * h;
                        g[3 * i] += w * nx;
                        g[3 * i + 1] += w * ny;
                        g[3 * i + 2] += w * (ny * ca[v] - nx * sa[v]);
                        g[b] += w * (nx * vy[v] - ny * vx[v]);
                        g[b + 1] -= w;
                    }
                    v = 6 * j + k;
                    h = c - nx * vx[v] - ny * vy[v];
                    if (h > 0) {
                        pen += h * h;
                        double w = m2 * h;
                        g[3 * j] -= w * nx;
                        g[3 * j + 1] -= w * ny;
                        g[3 * j + 2] -= w * (ny * ca[v] - nx * sa[v]);
                        g[b] -= w * (nx * vy[v] - ny * vx[v]);
                        g[b + 1] += w;
                    }
                }
            }
            g[3 * N] = 1 + gs;
            return s + mu * pen;
        }
    }

    /**
     * Strictly valid rows: centres spread about the outer centre by the smallest factor (bisection) that separates
     * every pair by the verifier's test, then the smallest side that holds every vertex, nudged until it does.
     */
    static double[][] repair(double[] x) {
        double[][] rows = output(x);
        double lo = 0, hi = 1e-12;
        while (!disjoint(rows, hi)) {
            lo = hi;
            hi *= 2;
            if (hi > 4) return null;
        }
        if (lo > 0 || !disjoint(rows, 0)) {
            for (int it = 0; it < 60 && hi - lo > 1e-15; it++) {
                double mid = (lo + hi) / 2;
                if (disjoint(rows, mid)) hi = mid;
                else lo = mid;
            }
        } else {
            hi = 0;
        }
        double[][] out = spread(rows, hi);
        double need = 0;
        for (int i = 0; i < N; i++) {
            double[] v = vertices(out[i][0], out[i][1], 1, out[i][2]);
            for (int k = 0; k < 6; k++) {
                for (int e = 0; e < 6; e++) need = Math.max(need, v[2 * k] * NX[e] + v[2 * k + 1] * NY[e]);
            }
        }
        double side = need * 2 / R3;
        for (int attempt = 0; attempt < 60; attempt++) {
            out[N] = new double[] {0, 0, side, 0};
            if (contained(out)) return out;
            side += Math.ulp(side) * (1L << Math.min(attempt, 40));
        }
        return null;
    }

    static double[][] spread(double[][] rows, double excess) {
        double lambda = 1 + excess;
        double[][] out = new double[N + 1][];
        for (int i = 0; i < N; i++) out[i] = new double[] {lambda * rows[i][0], lambda * rows[i][1], rows[i][2]};
        out[N] = rows[N];
        return out;
    }

    static boolean disjoint(double[][] rows, double excess) {
        double[][] s = spread(rows, excess);
        double[][] v = new double[N][];
        for (int i = 0; i < N; i++) v[i] = vertices(s[i][0], s[i][1], 1, s[i][2]);
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                double dx = s[i][0] - s[j][0], dy = s[i][1] - s[j][1];
                if (dx * dx + dy * dy > 4.0001) continue;
                if (!(separatingGap(v[i], v[j]) > 0)) return false;
            }
        }
        return true;
    }

    /** Every inner vertex inside or on every outer edge, by the cross product as the verifier takes it. */
    static boolean contained(double[][] rows) {
        double[] ov = vertices(rows[N][0], rows[N][1], rows[N][2], rows[N][3]);
        for (int i = 0; i < N; i++) {
            double[] v = vertices(rows[i][0], rows[i][1], 1, rows[i][2]);
            for (int k = 0; k < 6; k++) {
                for (int e = 0; e < 6; e++) {
                    int e2 = (e + 1) % 6;
                    double ex = ov[2 * e2] - ov[2 * e], ey = ov[2 * e2 + 1] - ov[2 * e + 1];
                    if (ex * (v[2 * k + 1] - ov[2 * e + 1]) - ey * (v[2 * k] - ov[2 * e]) < 0) return false;
                }
            }
        }
        return true;
    }

    static double[] vertices(double cx, double cy, double side, double angleDeg) {
        double t = Math.toRadians(angleDeg);
        double[] v = new double[12];
        for (int k = 0; k < 6; k++) {
            double a = t + 2 * Math.PI * k / 6;
            v[2 * k] = cx + side * Math.cos(a);
            v[2 * k + 1] = cy + side * Math.sin(a);
        }
        return v;
    }

    /** The largest separation of the two vertex sets over both hexagons' edge normals (> 0: separated). */
    static double separatingGap(double[] v1, double[] v2) {
        double best = Double.NEGATIVE_INFINITY;
        for (int poly = 0; poly < 2; poly++) {
            double[] v = poly == 0 ? v1 : v2;
            for (int k = 0; k < 6; k++) {
                int k2 = (k + 1) % 6;
                double ex = v[2 * k2] - v[2 * k], ey = v[2 * k2 + 1] - v[2 * k + 1];
                double mag = Math.sqrt(ex * ex + ey * ey);
                double ax = mag != 0 ? -ey / mag : 0, ay = mag != 0 ? ex / mag : 0;
                double min1 = Double.POSITIVE_INFINITY, max1 = Double.NEGATIVE_INFINITY, min2 = min1, max2 = max1;
                for (int i = 0; i < 6; i++) {
                    double p1 = v1[2 * i] * ax + v1[2 * i + 1] * ay;
                    double p2 = v2[2 * i] * ax + v2[2 * i + 1] * ay;
                    min1 = Math.min(min1, p1);
                    max1 = Math.max(max1, p1);
                    min2 = Math.min(min2, p2);
                    max2 = Math.max(max2, p2);
                }
                best = Math.max(best, Math.max(min2 - max1, min1 - max2));
            }
        }
        return best;
    }

    /** Rows {x, y, angleDeg} and the outer {cx, cy, side, angleDeg}, read into the outer hexagon's frame. */
    static double[] input(double[][] c) {
        double[] x = new double[3 * N + 1];
        double cx = c[N][0], cy = c[N][1], ot = Math.toRadians(c[N][3]);
        double co = Math.cos(-ot), si = Math.sin(-ot);
        for (int i = 0; i < N; i++) {
            double px = c[i][0] - cx, py = c[i][1] - cy;
            x[3 * i] = co * px - si * py;
            x[3 * i + 1] = si * px + co * py;
            x[3 * i + 2] = Math.toRadians(c[i][2]) - ot;
        }
        x[3 * N] = c[N][2];
        return x;
    }

    static double[][] output(double[] x) {
        double[][] c = new double[N + 1][];
        for (int i = 0; i < N; i++) c[i] = new double[] {x[3 * i], x[3 * i + 1], Math.toDegrees(x[3 * i + 2])};
        c[N] = new double[] {0, 0, x[3 * N], 0};
        return c;
    }
    // EVOLVE-BLOCK-END
}
