import dev.thetaevolve.search.Lbfgs;
import dev.thetaevolve.search.Objective;

import java.util.SplittableRandom;

/**
 * Search seed: circles in the unit square, maximizing the sum of radii. initial() scatters centres at
 * random with zero radii; improve() solves the whole packing with an augmented Lagrangian (L-BFGS on
 * centres and radii, multipliers for containment and non-overlap), then shrinks it to strict validity;
 * perturb() relocates a few circles and shakes the rest.
 */
public class SearchSeed {
    // EVOLVE-BLOCK-START
    static final int N = 32;

    public static double[][] initial(SplittableRandom random) {
        double[][] c = new double[N][3];
        for (int i = 0; i < N; i++) {
            c[i][0] = 0.1 + 0.8 * random.nextDouble();
            c[i][1] = 0.1 + 0.8 * random.nextDouble();
            c[i][2] = 0.0;
        }
        return c;
    }

    public static double[][] improve(double[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
        double[] z = new double[3 * N];
        for (int i = 0; i < N; i++) {
            z[3 * i] = current[i][0];
            z[3 * i + 1] = current[i][1];
            z[3 * i + 2] = Math.max(0, current[i][2]);
        }
        double[] lambda = new double[5 * N + N * (N - 1) / 2];
        double mu = 100;
        double previous = Double.POSITIVE_INFINITY;
        for (int outer = 0; outer < 20 && System.nanoTime() < deadlineNanos; outer++) {
            z = Lbfgs.minimize(new Lagrangian(lambda, mu), z, 200, 1e-8, deadlineNanos);
            double worst = updateMultipliers(z, lambda, mu);
            if (worst < 1e-11) break;
            if (worst > 0.25 * previous && mu < 1e6) mu *= 10;
            previous = worst;
        }
        double[][] out = new double[N][3];
        for (int i = 0; i < N; i++) {
            out[i][0] = Math.min(1, Math.max(0, z[3 * i]));
            out[i][1] = Math.min(1, Math.max(0, z[3 * i + 1]));
            out[i][2] = z[3 * i + 2];
        }
        repair(out);
        return out;
    }

    public static double[][] perturb(double[][] current, double intensity, SplittableRandom random) {
        double[][] c = new double[N][];
        for (int i = 0; i < N; i++) c[i] = new double[] {current[i][0], current[i][1], current[i][2]};
        int moves = 1 + (int) (intensity * N / 6);
        for (int m = 0; m < moves; m++) {
            int i = random.nextInt(N);
            c[i][0] = 0.05 + 0.9 * random.nextDouble();
            c[i][1] = 0.05 + 0.9 * random.nextDouble();
            c[i][2] = 0.0;
        }
        double shake = 0.02 * intensity;
        for (int i = 0; i < N; i++) {
            c[i][0] = Math.min(0.99, Math.max(0.01, c[i][0] + shake * (2 * random.nextDouble() - 1)));
            c[i][1] = Math.min(0.99, Math.max(0.01, c[i][1] + shake * (2 * random.nextDouble() - 1)));
        }
        return c;
    }

    /** Constraint values g >= 0, in the Lagrangian's order: per circle 4 walls and r >= 0, then pairs. */
    static double updateMultipliers(double[] z, double[] lambda, double mu) {
        double worst = 0;
        int k = 0;
        for (int i = 0; i < N; i++) {
            double x = z[3 * i], y = z[3 * i + 1], r = z[3 * i + 2];
            double[] g = {x - r, y - r, 1 - x - r, 1 - y - r, r};
            for (int w = 0; w < 5; w++, k++) {
                lambda[k] = Math.max(0, lambda[k] - mu * g[w]);
                worst = Math.max(worst, -g[w]);
            }
        }
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++, k++) {
                double dx = z[3 * i] - z[3 * j], dy = z[3 * i + 1] - z[3 * j + 1];
                double g = Math.sqrt(dx * dx + dy * dy) - z[3 * i + 2] - z[3 * j + 2];
                lambda[k] = Math.max(0, lambda[k] - mu * g);
                worst = Math.max(worst, -g);
            }
        }
        return worst;
    }

    /** The augmented Lagrangian of maximizing the sum of radii. */
    static final class Lagrangian implements Lbfgs.Function {
        final double[] lambda;
        final double mu;

        Lagrangian(double[] lambda, double mu) {
            this.lambda = lambda;
            this.mu = mu;
        }

        public double value(double[] z, double[] grad) {
            double f = 0;
            for (int i = 0; i < grad.length; i++) grad[i] = 0;
            for (int i = 0; i < N; i++) {
                f -= z[3 * i + 2];
                grad[3 * i + 2] -= 1;
            }
            int k = 0;
            for (int i = 0; i < N; i++) {
                double x = z[3 * i], y = z[3 * i + 1], r = z[3 * i + 2];
                for (int w = 0; w < 5; w++, k++) {
                    double g = w == 0 ? x - r : w == 1 ? y - r : w == 2 ? 1 - x - r : w == 3 ? 1 - y - r : r;
                    double t = lambda[k] - mu * g;
                    if (t > 0) {
                        f += (t * t - lambda[k] * lambda[k]) / (2 * mu);
                        if (w == 0) grad[3 * i] -= t;
                        if (w == 1) grad[3 * i + 1] -= t;
                        if (w == 2) grad[3 * i] += t;
                        if (w == 3) grad[3 * i + 1] += t;
                        grad[3 * i + 2] += w == 4 ? -t : t;
                    } else {
                        f -= lambda[k] * lambda[k] / (2 * mu);
                    }
                }
            }
            for (int i = 0; i < N; i++) {
                for (int j = i + 1; j < N; j++, k++) {
                    double dx = z[3 * i] - z[3 * j], dy = z[3 * i + 1] - z[3 * j + 1];
                    double d = Math.sqrt(dx * dx + dy * dy);
                    if (d < 1e-12) {
                        d = 1e-12;
                        dx = 1e-12;
                        dy = 0;
                    }
                    double t = lambda[k] - mu * (d - z[3 * i + 2] - z[3 * j + 2]);
                    if (t > 0) {
                        f += (t * t - lambda[k] * lambda[k]) / (2 * mu);
                        double ux = dx / d, uy = dy / d;
                        grad[3 * i] -= t * ux;
                        grad[3 * i + 1] -= t * uy;
                        grad[3 * j] += t * ux;
                        grad[3 * j + 1] += t * uy;
                        grad[3 * i + 2] += t;
                        grad[3 * j + 2] += t;
                    } else {
                        f -= lambda[k] * lambda[k] / (2 * mu);
                    }
                }
            }
            return f;
        }
    }

    /** Shrinks radii until the packing passes the strict check exactly as the verifier computes it. */
    static void repair(double[][] c) {
        for (int pass = 0; pass < 60; pass++) {
            boolean clean = true;
            for (int i = 0; i < N; i++) {
                double x = c[i][0], y = c[i][1];
                double limit = Math.max(0, Math.min(Math.min(x, y), 1 - Math.max(x, y)));
                if (c[i][2] > limit || c[i][2] < 0 || Math.min(x, y) - c[i][2] < 0 || Math.max(x, y) + c[i][2] > 1) {
                    c[i][2] = Math.max(0, Math.min(c[i][2], limit) - pass * 1e-16);
                    clean = false;
                }
            }
            for (int i = 0; i < N; i++) {
                for (int j = i + 1; j < N; j++) {
                    double dx = c[i][0] - c[j][0], dy = c[i][1] - c[j][1];
                    double d = Math.sqrt(dx * dx + dy * dy);
                    double sum = c[i][2] + c[j][2];
                    if (d < sum) {
                        double scale = d / sum * (1 - (pass + 1) * 2e-16);
                        c[i][2] *= scale;
                        c[j][2] *= scale;
                        clean = false;
                    }
                }
            }
            if (clean) return;
        }
    }
    // EVOLVE-BLOCK-END
}
