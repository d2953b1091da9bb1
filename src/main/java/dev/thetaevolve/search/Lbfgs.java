package dev.thetaevolve.search;

/**
 * Limited-memory BFGS for smooth unconstrained minimization, in the search-mode toolkit (candidates may
 * call it). Constrained problems go through it as a penalty or augmented Lagrangian written by the
 * candidate, which keeps the problem-specific part (constraints, multipliers, schedules) evolvable. Pure
 * computation: no state outside one call, no threads, and it returns by {@code deadlineNanos}
 * ({@code System.nanoTime()} value), between two function evaluations.
 *
 * <p>Two-loop recursion over the last {@code memory} pairs, Armijo backtracking from the unit step (the
 * first step scaled to length 0.1), and pairs with non-positive curvature skipped. Stops when the
 * gradient's max-norm falls below {@code gradientTolerance}, after {@code maxIterations}, when no descent
 * step is found, or at the deadline.
 */
public final class Lbfgs {

    private Lbfgs() {
    }

    /** A smooth function: returns f(x) and writes its gradient into {@code gradient}. */
    public interface Function {
        double value(double[] x, double[] gradient);
    }

    /** Memory of 8 pairs. */
    public static double[] minimize(Function f, double[] x0, int maxIterations, double gradientTolerance, long deadlineNanos) {
        return minimize(f, x0, maxIterations, gradientTolerance, deadlineNanos, 8);
    }

    /**
     * Minimizes {@code f} from {@code x0} (not modified) and returns the best point found.
     *
     * @throws IllegalArgumentException for an empty start, memory below 1, or a non-finite f at the start
     */
    public static double[] minimize(Function f, double[] x0, int maxIterations, double gradientTolerance, long deadlineNanos, int memory) {
        int n = x0.length;
        if (n == 0 || memory < 1) throw new IllegalArgumentException("need a non-empty start and memory >= 1");
        double[] x = x0.clone();
        double[] g = new double[n];
        double fx = f.value(x, g);
        if (!Double.isFinite(fx)) throw new IllegalArgumentException("f is not finite at the start: " + fx);
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int stored = 0;
        int head = 0;
        for (int iter = 0; iter < maxIterations; iter++) {
            if (maxAbs(g) < gradientTolerance || System.nanoTime() >= deadlineNanos) break;
            // d = -H g (two-loop recursion)
            for (int i = 0; i < n; i++) d[i] = -g[i];
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(head - 1 - k, memory);
                alpha[j] = rho[j] * dot(s[j], d);
                axpy(-alpha[j], y[j], d);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, memory);
                double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
                for (int i = 0; i < n; i++) d[i] *= gamma;
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(head - 1 - k, memory);
                double beta = rho[j] * dot(y[j], d);
                axpy(alpha[j] - beta, s[j], d);
            }
            double slope = dot(g, d);
            if (!(slope < 0)) { // not a descent direction: restart from steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) d[i] = -g[i];
                slope = dot(g, d);
                if (!(slope < 0)) break;
            }
            double step = stored == 0 ? Math.min(1, 0.1 / Math.sqrt(-slope)) : 1;
            double fNew = Double.NaN;
            boolean found = false;
            for (int tries = 0; tries < 40; tries++) {
                for (int i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
                fNew = f.value(xNew, gNew);
                if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
                    found = true;
                    break;
                }
                step *= 0.5;
            }
            if (!found) break;
            double sy = 0, yy = 0;
            for (int i = 0; i < n; i++) {
                double si = xNew[i] - x[i], yi = gNew[i] - g[i];
                s[head][i] = si;
                y[head][i] = yi;
                sy += si * yi;
                yy += yi * yi;
            }
            if (sy > 1e-16 * yy && yy > 0) {
                rho[head] = 1 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            double[] t = x;
            x = xNew;
            xNew = t;
            t = g;
            g = gNew;
            gNew = t;
            fx = fNew;
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double r = 0;
        for (int i = 0; i < a.length; i++) r += a[i] * b[i];
        return r;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += a * x[i];
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
