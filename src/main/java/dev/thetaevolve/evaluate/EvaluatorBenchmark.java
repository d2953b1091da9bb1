package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Measures the evaluator in one run (a benchmark, never a timed test): per-candidate overhead, warm Janino
 * compile time of a ~100-line numeric candidate, end-to-end throughput with two workers, respawn after a
 * timeout kill, and the Python-subprocess floor ThetaEvolve pays per candidate. Run with
 * {@code java -cp ... dev.thetaevolve.evaluate.EvaluatorBenchmark [rounds]} from the project root.
 *
 * <p>Overhead is the wall time of evaluating a trivial candidate whose compilation the worker has cached
 * (workers cache scanned bytecode by the source's SHA-256, defining fresh classes each time): request and
 * response framing, class definition, reflection, output checks, verification and bookkeeping.
 */
public final class EvaluatorBenchmark {

    private EvaluatorBenchmark() {
    }

    /** Figures of one run; times in milliseconds. NaN where a figure could not be measured. */
    public record Report(int workers, int rounds, double overheadMedianMillis, double janinoCompileMedianMillis,
                         double evaluationsPerSecond, double respawnMillis, double nextVerdictAfterKillMillis,
                         double pythonImportMedianMillis, double pythonPassMedianMillis, String pythonNote) {

        public String text() {
            return String.format(Locale.ROOT, """
                            evaluator benchmark (%d workers, %d rounds)
                              per-candidate overhead (cached trivial candidate), median   %8.2f ms
                              warm Janino compile, ~100-line numeric candidate, median    %8.2f ms
                              end-to-end throughput, that candidate, uncached             %8.1f evaluations/s
                              worker respawn after a timeout kill (start to HELLO)        %8.1f ms
                              next verdict right after the kill (warm spare)              %8.1f ms
                              python3 -c "import numpy, scipy.optimize", median of 5      %8.1f ms %s
                              python3 -c pass, median of 5                                %8.1f ms
                            """, workers, rounds, overheadMedianMillis, janinoCompileMedianMillis, evaluationsPerSecond,
                    respawnMillis, nextVerdictAfterKillMillis, pythonImportMedianMillis, pythonNote, pythonPassMedianMillis);
        }

        public String json() {
            return String.format(Locale.ROOT, "{\"workers\":%d,\"rounds\":%d,\"overheadMedianMillis\":%s,\"janinoCompileMedianMillis\":%s,"
                            + "\"evaluationsPerSecond\":%s,\"respawnMillis\":%s,\"nextVerdictAfterKillMillis\":%s,"
                            + "\"pythonImportMedianMillis\":%s,\"pythonPassMedianMillis\":%s,\"pythonNote\":\"%s\"}",
                    workers, rounds, num(overheadMedianMillis), num(janinoCompileMedianMillis), num(evaluationsPerSecond),
                    num(respawnMillis), num(nextVerdictAfterKillMillis), num(pythonImportMedianMillis), num(pythonPassMedianMillis),
                    pythonNote.replace("\"", "'"));
        }

        private static String num(double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : "null";
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Problem problem = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
        Report r = run(problem, rounds);
        System.out.print(r.text());
        System.out.println(r.json());
    }

    /** Runs every measurement against circle_packing_26-like {@code problem} (a double[][] problem). */
    public static Report run(Problem problem, int rounds) throws IOException, InterruptedException {
        int workers = 2;
        double compile = janinoCompileMedian(Math.max(20, rounds / 2));
        double overhead;
        double throughput;
        double respawn;
        double nextAfterKill;
        try (WorkerPoolEvaluator pool = WorkerPoolEvaluator.builder().workers(workers).spares(1).build()) {
            String trivial = problem.seedSource();
            for (int i = 0; i < 50; i++) pool.evaluate(trivial, problem, 0); // warm both workers and the verifier
            double[] walls = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                Verdict v = pool.evaluate(trivial, problem, 0);
                walls[i] = (System.nanoTime() - t0) / 1e6;
                if (!v.valid()) throw new IllegalStateException("the seed failed: " + v.error());
            }
            overhead = median(walls);

            for (int i = 0; i < 20; i++) pool.evaluate(numericCandidate(-1 - i), problem, 0);
            long t0 = System.nanoTime();
            List<CompletableFuture<Verdict>> fs = new ArrayList<>();
            for (int i = 0; i < rounds; i++) fs.add(pool.submit(numericCandidate(i), problem, 0));
            for (CompletableFuture<Verdict> f : fs) {
                Verdict v = f.join();
                if (!v.valid()) throw new IllegalStateException("the numeric candidate failed: " + v.error());
            }
            throughput = rounds / ((System.nanoTime() - t0) / 1e9);

            Problem quick = withTimeLimit(problem, 300);
            Thread.sleep(1500); // let the spare finish warming
            Verdict killed = pool.evaluate("public class Spin { public static double[][] solve() { long i = 0; while (i >= 0) i = (i + 1) % 3; return null; } }", quick, 0);
            if (killed.errorKind() != ErrorKind.TIMEOUT) throw new IllegalStateException("expected a timeout, got " + killed.error());
            long k0 = System.nanoTime();
            pool.evaluate(trivial, problem, 0);
            nextAfterKill = (System.nanoTime() - k0) / 1e6;
            Thread.sleep(3000); // the replacement spare starts in the background
            respawn = pool.lastStartMillis();
        }
        double[] py = python("import numpy, scipy.optimize");
        double[] pass = python("pass");
        String note = Double.isNaN(py[0]) ? "(numpy/scipy missing: python exited " + (long) py[1] + ")" : "";
        return new Report(workers, rounds, overhead, compile, throughput, respawn, nextAfterKill, py[0], pass[0], note);
    }

    /** Median warm compile time (Janino tier, uncached) as the worker itself measures it. */
    private static double janinoCompileMedian(int n) throws IOException {
        WorkerPoolEvaluator.Config config = WorkerPoolEvaluator.builder().workers(1).config();
        WorkerProcess w = WorkerProcess.start(config, WorkerClasspath.join(config.classpath()));
        try {
            w.awaitHello();
            double[] ms = new double[n];
            for (int i = -30; i < n; i++) { // 30 warm-up compiles
                w.send(WorkerProtocol.evalRequest(numericCandidate(100_000 + i), "double[][]", 1_000_000, 16 << 20));
                DataInputStream c = w.receive(1 << 20);
                c.readByte();
                ErrorKind kind = WorkerProtocol.kind(c.readByte());
                Tier tier = WorkerProtocol.tier(c.readByte());
                long nanos = c.readLong();
                if (kind != null || tier != Tier.JANINO) throw new IllegalStateException("numeric candidate: " + kind + " " + tier + " " + WorkerProtocol.readString(c));
                w.receive(64 << 20); // its RESULT
                if (i >= 0) ms[i] = nanos / 1e6;
            }
            return median(ms);
        } finally {
            w.kill();
        }
    }

    private static double[] python(String code) throws InterruptedException {
        double[] ms = new double[5];
        int exit = 0;
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            try {
                Process p = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new double[] {Double.NaN, -1};
                }
                exit = p.exitValue();
            } catch (IOException e) {
                return new double[] {Double.NaN, -2};
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (exit != 0) return new double[] {Double.NaN, exit};
        }
        return new double[] {median(ms), 0};
    }

    private static Problem withTimeLimit(Problem p, long millis) {
        ProblemSpec s = p.spec();
        return new Problem(new ProblemSpec(s.id(), s.title(), s.direction(), s.returnType(), millis, s.defaultTolerance(),
                s.bestKnown(), s.shaping(), s.taskText(), s.seedFile()), p.verifier());
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** A ~100-line Java-7-style circle packer; {@code variant} makes each source (and its cache key) unique. */
    static String numericCandidate(int variant) {
        return """
                import java.util.Arrays;

                /** Variant %d: grid start, then shrink-to-fit and greedy radius growth. */
                public class Packer {
                    static final int N = 26;

                    public static double[][] solve() {
                        double[][] c = grid();
                        for (int round = 0; round < 3; round++) {
                            grow(c, 0.002);
                            repair(c);
                        }
                        return c;
                    }

                    static double[][] grid() {
                        double[][] c = new double[N][3];
                        int cols = 6;
                        int rows = 5;
                        for (int i = 0; i < N; i++) {
                            c[i][0] = (i %% cols + 0.5) / cols;
                            c[i][1] = (i / cols + 0.5) / rows;
                            c[i][2] = 0.03;
                        }
                        return c;
                    }

                    static void grow(double[][] c, double step) {
                        for (int i = 0; i < N; i++) {
                            double limit = borderGap(c[i]);
                            for (int j = 0; j < N; j++) {
                                if (j == i) continue;
                                double gap = distance(c[i], c[j]) - c[i][2] - c[j][2];
                                if (gap < limit) limit = gap;
                            }
                            if (limit > 0) c[i][2] += Math.min(step, limit * 0.5);
                        }
                    }

                    static void repair(double[][] c) {
                        for (int i = 0; i < N; i++) {
                            double b = borderGap(c[i]);
                            if (b < 0) c[i][2] = Math.max(0, c[i][2] + b);
                        }
                        for (int i = 0; i < N; i++) {
                            for (int j = i + 1; j < N; j++) {
                                double d = distance(c[i], c[j]);
                                double excess = c[i][2] + c[j][2] - d;
                                if (excess > 0) {
                                    double share = excess / 2 + 1e-12;
                                    c[i][2] = Math.max(0, c[i][2] - share);
                                    c[j][2] = Math.max(0, c[j][2] - share);
                                }
                            }
                        }
                    }

                    static double borderGap(double[] circle) {
                        double x = circle[0];
                        double y = circle[1];
                        double r = circle[2];
                        double g = Math.min(x - r, y - r);
                        g = Math.min(g, 1 - x - r);
                        return Math.min(g, 1 - y - r);
                    }

                    static double distance(double[] a, double[] b) {
                        double dx = a[0] - b[0];
                        double dy = a[1] - b[1];
                        return Math.sqrt(dx * dx + dy * dy);
                    }

                    static double sumRadii(double[][] c) {
                        double s = 0;
                        for (double[] circle : c) s += circle[2];
                        return s;
                    }

                    static double[] radii(double[][] c) {
                        double[] r = new double[N];
                        for (int i = 0; i < N; i++) r[i] = c[i][2];
                        Arrays.sort(r);
                        return r;
                    }

                    static String describe(double[][] c) {
                        StringBuilder sb = new StringBuilder();
                        sb.append("sum=").append(sumRadii(c));
                        double[] r = radii(c);
                        sb.append(" min=").append(r[0]).append(" max=").append(r[N - 1]);
                        return sb.toString();
                    }

                    static double minPairGap(double[][] c) {
                        double best = Double.MAX_VALUE;
                        for (int i = 0; i < N; i++) {
                            for (int j = i + 1; j < N; j++) {
                                best = Math.min(best, distance(c[i], c[j]) - c[i][2] - c[j][2]);
                            }
                        }
                        return best;
                    }
                }
                """.formatted(variant);
    }
}
