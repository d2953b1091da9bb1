package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the sandbox's second net costs (a benchmark, never a timed test): the worker's state check after
 * each evaluation, measured in this JVM (start it with the worker's flags, see BENCHMARKS.md), the
 * per-candidate overhead with the check in place, and what replacing a worker costs: the verdict of a
 * candidate whose worker leaves, the next verdict (a warm spare takes over), and the rate when every
 * candidate leaves its worker (spares cannot keep up; each costs a JVM start). Run from the project root:
 * {@code java ... dev.thetaevolve.evaluate.SandboxBenchmark [rounds]}.
 */
public final class SandboxBenchmark {

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Problem problem = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");

        WorkerState baseline = WorkerState.capture();
        double[] check = new double[5_000];
        for (int i = -1_000; i < check.length; i++) {
            long t0 = System.nanoTime();
            String change = WorkerState.capture().changeSince(baseline);
            long t = System.nanoTime() - t0;
            if (change != null) throw new IllegalStateException(change);
            if (i >= 0) check[i] = t / 1e3;
        }

        String overflow = "public class Deep { public static double[][] solve() { return d(0) > 0 ? null : null; }"
                + " static int d(int n) { return d(n + 1) + 1; } }";
        double overhead;
        double[] recycledVerdict = new double[20];
        double[] nextVerdict = new double[20];
        double allRecycleRate;
        try (WorkerPoolEvaluator pool = WorkerPoolEvaluator.builder().workers(1).spares(1).build()) {
            String seed = problem.seedSource();
            for (int i = 0; i < 50; i++) pool.evaluate(seed, problem, 0);
            double[] walls = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                Verdict v = pool.evaluate(seed, problem, 0);
                walls[i] = (System.nanoTime() - t0) / 1e6;
                if (!v.valid()) throw new IllegalStateException("the seed failed: " + v.error());
            }
            overhead = median(walls);
            if (pool.recycled() != 0) throw new IllegalStateException("the seed recycled its worker: " + pool.lastRecycleReason());

            for (int i = 0; i < recycledVerdict.length; i++) {
                Thread.sleep(2_500); // the spare is warm again
                long t0 = System.nanoTime();
                Verdict v = pool.evaluate(overflow, problem, 0);
                recycledVerdict[i] = (System.nanoTime() - t0) / 1e6;
                if (v.errorKind() != ErrorKind.RUNTIME) throw new IllegalStateException("expected RUNTIME, got " + v.error());
                long t1 = System.nanoTime();
                pool.evaluate(seed, problem, 0);
                nextVerdict[i] = (System.nanoTime() - t1) / 1e6;
            }
            long before = pool.recycled();
            Thread.sleep(2_500);
            long t0 = System.nanoTime();
            int n = 10;
            for (int i = 0; i < n; i++) pool.evaluate(overflow, problem, 0);
            allRecycleRate = n / ((System.nanoTime() - t0) / 1e9);
            if (pool.recycled() - before != n) throw new IllegalStateException("expected " + n + " recycles, got " + (pool.recycled() - before));
        }
        System.out.printf(Locale.ROOT, """
                sandbox benchmark (%d rounds)
                  state check after an evaluation (in this JVM), median / p99      %8.1f / %.1f µs
                  per-candidate overhead with the check (cached seed, 1 worker), median %6.2f ms
                  verdict of a candidate whose worker leaves (stack overflow), median %6.1f ms
                  next verdict after it (warm spare takes over), median            %8.1f ms
                  rate when every candidate leaves its worker (1 worker, 1 spare)  %8.2f evaluations/s
                """, rounds, median(check), percentile(check, 0.99), overhead, median(recycledVerdict), median(nextVerdict), allRecycleRate);
    }

    private static double median(double[] a) {
        return percentile(a, 0.5);
    }

    private static double percentile(double[] a, double p) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.floor(p * s.length))];
    }
}
