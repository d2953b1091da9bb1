package dev.thetaevolve.search;

import dev.thetaevolve.problem.Mode;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.vector.constrained.AbstractSQPOptimizer;
import org.hipparchus.optim.nonlinear.vector.constrained.InequalityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.LagrangeSolution;
import org.hipparchus.optim.nonlinear.vector.constrained.SQPOptimizerGM;
import org.hipparchus.optim.nonlinear.vector.constrained.SQPOptimizerS;
import org.hipparchus.optim.nonlinear.vector.constrained.SQPOption;
import org.hipparchus.optim.nonlinear.vector.constrained.TwiceDifferentiableFunction;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Probe, not a test (issue 10 §4): can Hipparchus 4.0.2's SQP solvers ({@code SQPOptimizerS},
 * {@code SQPOptimizerGM}) solve the circle_packing_26 formulation (78 variables, 455 inequality constraints,
 * maximize the sum of radii), and how do they compare with the search seed's augmented Lagrangian over
 * {@link Lbfgs} on the same starts? Run from the project root:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.thetaevolve.search.HipparchusProbe [starts] [secondsPerSolve]}.
 * Each solve's result is shrunk to strict validity (the same uniform shrink for every solver) and scored
 * by the verifier. Figures are recorded in BENCHMARKS.md §11.
 */
public final class HipparchusProbe {
    static final int N = 26;
    static final int M = 5 * N + N * (N - 1) / 2;

    private HipparchusProbe() {
    }

    /** Maximize Σr as: minimize -Σr; the objective is linear, so its Hessian is zero (or a scaled identity). */
    static final class Objective extends TwiceDifferentiableFunction {
        final double hessianScale;
        final double scale;

        Objective(double hessianScale, double scale) {
            this.hessianScale = hessianScale;
            this.scale = scale;
        }

        public int dim() {
            return 3 * N;
        }

        public double value(RealVector z) {
            double f = 0;
            for (int i = 0; i < N; i++) f -= z.getEntry(3 * i + 2);
            return scale * f;
        }

        public RealVector gradient(RealVector z) {
            RealVector g = new ArrayRealVector(3 * N);
            for (int i = 0; i < N; i++) g.setEntry(3 * i + 2, -scale);
            return g;
        }

        public RealMatrix hessian(RealVector z) {
            return MatrixUtils.createRealIdentityMatrix(3 * N).scalarMultiply(hessianScale);
        }
    }

    /** g(z) >= 0: per circle x - r, y - r, 1 - x - r, 1 - y - r, r; then |ci - cj| - ri - rj per pair. */
    static final class Constraints extends InequalityConstraint {
        Constraints() {
            super(new ArrayRealVector(M));
        }

        public int dim() {
            return 3 * N;
        }

        public int dimY() {
            return M;
        }

        public RealVector value(RealVector z) {
            double[] g = new double[M];
            int k = 0;
            for (int i = 0; i < N; i++) {
                double x = z.getEntry(3 * i), y = z.getEntry(3 * i + 1), r = z.getEntry(3 * i + 2);
                g[k++] = x - r;
                g[k++] = y - r;
                g[k++] = 1 - x - r;
                g[k++] = 1 - y - r;
                g[k++] = r;
            }
            for (int i = 0; i < N; i++) {
                for (int j = i + 1; j < N; j++) {
                    double dx = z.getEntry(3 * i) - z.getEntry(3 * j), dy = z.getEntry(3 * i + 1) - z.getEntry(3 * j + 1);
                    g[k++] = Math.sqrt(dx * dx + dy * dy) - z.getEntry(3 * i + 2) - z.getEntry(3 * j + 2);
                }
            }
            return new ArrayRealVector(g, false);
        }

        public RealMatrix jacobian(RealVector z) {
            double[][] J = new double[M][3 * N];
            int k = 0;
            for (int i = 0; i < N; i++) {
                J[k][3 * i] = 1;
                J[k++][3 * i + 2] = -1;
                J[k][3 * i + 1] = 1;
                J[k++][3 * i + 2] = -1;
                J[k][3 * i] = -1;
                J[k++][3 * i + 2] = -1;
                J[k][3 * i + 1] = -1;
                J[k++][3 * i + 2] = -1;
                J[k++][3 * i + 2] = 1;
            }
            for (int i = 0; i < N; i++) {
                for (int j = i + 1; j < N; j++, k++) {
                    double dx = z.getEntry(3 * i) - z.getEntry(3 * j), dy = z.getEntry(3 * i + 1) - z.getEntry(3 * j + 1);
                    double d = Math.max(1e-12, Math.sqrt(dx * dx + dy * dy));
                    J[k][3 * i] = dx / d;
                    J[k][3 * i + 1] = dy / d;
                    J[k][3 * j] = -dx / d;
                    J[k][3 * j + 1] = -dy / d;
                    J[k][3 * i + 2] = -1;
                    J[k][3 * j + 2] = -1;
                }
            }
            return new Array2DRowRealMatrix(J, false);
        }
    }

    record Result(double strict, double seconds, String note) {
    }

    static double[] flatten(double[][] c) {
        double[] z = new double[3 * N];
        for (int i = 0; i < N; i++) {
            z[3 * i] = c[i][0];
            z[3 * i + 1] = c[i][1];
            z[3 * i + 2] = Math.max(0, c[i][2]);
        }
        return z;
    }

    /** The same uniform shrink for every solver's answer: clamp into the square, cap by walls, scale overlapping pairs. */
    static double[][] strict(double[] z) {
        double[][] c = new double[N][3];
        for (int i = 0; i < N; i++) {
            c[i][0] = Math.min(1, Math.max(0, z[3 * i]));
            c[i][1] = Math.min(1, Math.max(0, z[3 * i + 1]));
            c[i][2] = Math.max(0, z[3 * i + 2]);
        }
        for (int pass = 0; pass < 60; pass++) {
            boolean clean = true;
            for (int i = 0; i < N; i++) {
                double limit = Math.max(0, Math.min(Math.min(c[i][0], c[i][1]), 1 - Math.max(c[i][0], c[i][1])));
                if (c[i][2] > limit) {
                    c[i][2] = Math.max(0, limit - pass * 1e-16);
                    clean = false;
                }
            }
            for (int i = 0; i < N; i++) {
                for (int j = i + 1; j < N; j++) {
                    double dx = c[i][0] - c[j][0], dy = c[i][1] - c[j][1];
                    double d = Math.sqrt(dx * dx + dy * dy), sum = c[i][2] + c[j][2];
                    if (d < sum) {
                        double s = d / sum * (1 - (pass + 1) * 2e-16);
                        c[i][2] *= s;
                        c[j][2] *= s;
                        clean = false;
                    }
                }
            }
            if (clean) break;
        }
        return c;
    }

    static Result sqp(Problem p, AbstractSQPOptimizer opt, SQPOption option, double hessianScale, double scale, double[][] start, int maxIter) {
        long t0 = System.nanoTime();
        try {
            LagrangeSolution s = opt.optimize(new InitialGuess(flatten(start)), new ObjectiveFunction(new Objective(hessianScale, scale)),
                    new Constraints(), option, new MaxIter(maxIter), new MaxEval(Integer.MAX_VALUE));
            double sec = (System.nanoTime() - t0) / 1e9;
            return new Result(p.verify(strict(s.getX().toArray()), 0).score(), sec, "");
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            StringBuilder where = new StringBuilder();
            for (StackTraceElement f : e.getStackTrace()) {
                if (f.getClassName().startsWith("org.hipparchus") && where.length() < 200) where.append(" < ").append(f.getClassName().replaceAll(".*\\.", "")).append('.').append(f.getMethodName());
            }
            return new Result(Double.NaN, (System.nanoTime() - t0) / 1e9, e.getClass().getSimpleName() + ": " + m.substring(0, Math.min(60, m.length())) + where);
        }
    }

    static SQPOption option(boolean funHessian, double eps, int qpLoop, int criterion) {
        SQPOption o = new SQPOption();
        o.setConvCriteria(criterion);
        o.setUseFunHessian(funHessian);
        o.setEps(eps);
        o.setQpMaxLoop(qpLoop);
        return o;
    }

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int maxIter = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Problem p = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
        SearchHarness.Candidate seed = SearchSeeds.compile(p.seedSource(Mode.SEARCH));
        dev.thetaevolve.search.Objective objective = SearchSeeds.objective(p);
        for (int s = 0; s < starts; s++) {
            // a cold start (the seed's initial(): random centres, zero radii) and a warm one (a solved packing, perturbed)
            double[][] cold = (double[][]) seed.initial(new SplittableRandom(s));
            double[][] solved = (double[][]) seed.improve(cold, objective, new SplittableRandom(s), System.nanoTime() + 3_000_000_000L);
            double[][] warm = (double[][]) seed.perturb(solved, 0.3, new SplittableRandom(100 + s));
            for (String kind : new String[] {"cold", "warm"}) {
                double[][] start = kind.equals("cold") ? cold : warm;
                long t0 = System.nanoTime();
                double[][] al = (double[][]) seed.improve(start, objective, new SplittableRandom(s), System.nanoTime() + (long) (seconds * 1e9));
                report(s, kind, "Lbfgs augmented Lagrangian (seed improve)", new Result(p.verify(al, 0).score(), (System.nanoTime() - t0) / 1e9, ""));
                report(s, kind, "SQPOptimizerS defaults", sqp(p, new SQPOptimizerS(), new SQPOption(), 0, 1, start, maxIter));
                report(s, kind, "SQPOptimizerGM defaults", sqp(p, new SQPOptimizerGM(), new SQPOption(), 0, 1, start, maxIter));
                report(s, kind, "SQPOptimizerS objective x10", sqp(p, new SQPOptimizerS(), new SQPOption(), 0, 10, start, maxIter));
                report(s, kind, "SQPOptimizerGM objective x0.1", sqp(p, new SQPOptimizerGM(), new SQPOption(), 0, 0.1, start, maxIter));
                report(s, kind, "SQPOptimizerS step criterion, eps 1e-6", sqp(p, new SQPOptimizerS(), option(false, 1e-6, 10, 1), 0, 1, start, maxIter));
                report(s, kind, "SQPOptimizerGM step criterion, eps 1e-6", sqp(p, new SQPOptimizerGM(), option(false, 1e-6, 10, 1), 0, 1, start, maxIter));
                if (seconds > 100) { // the function-Hessian variants take minutes per solve
                    report(s, kind, "SQPOptimizerS fun-Hessian 1e-3 I", sqp(p, new SQPOptimizerS(), option(true, 1e-9, 20, 0), 1e-3, 1, start, maxIter));
                    report(s, kind, "SQPOptimizerGM fun-Hessian 1e-3 I", sqp(p, new SQPOptimizerGM(), option(true, 1e-9, 20, 0), 1e-3, 1, start, maxIter));
                }
            }
        }
    }

    static void report(int s, String kind, String solver, Result r) {
        System.out.printf("start %d %-4s  %-44s strict %.10f  %6.2f s  %s%n", s, kind, solver, r.strict(), r.seconds(), r.note());
    }
}
