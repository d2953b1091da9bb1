package dev.thetaevolve.remote;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.thetaevolve.evaluate.Verdict;
import dev.thetaevolve.evaluate.WorkerPoolEvaluator;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The figures of BENCHMARKS.md, "Remote evaluation" (not a test: run by hand, see there). Against the
 * machine's RabbitMQ at 127.0.0.1:5672, on queues of its own.
 *
 * <ul>
 *   <li>{@code overhead N}: per-candidate latency of a trivial candidate, one at a time, local pool against
 *   the same pool behind the broker (in-process evaluator loop), and the throughput of N in flight.</li>
 *   <li>{@code scale JAR JOBS P1,P2,…}: throughput of a fixed-work candidate (~1 s on an idle core) with P
 *   evaluator processes of the packaged jar (one worker each), and the RSS of those processes and their
 *   worker JVMs.</li>
 * </ul>
 */
public final class RemoteBenchmark {

    static final String TRIVIAL = "public class Cand {\n    public static double[][] solve() {\n"
            + "        double[][] c = new double[26][3];\n"
            + "        for (int i = 0; i < 26; i++) { c[i][0] = (i % 6 + 0.5) / 6; c[i][1] = (i / 6 + 0.5) / 5; c[i][2] = 0.037; }\n"
            + "        return c;\n    }\n}\n";

    /** Fixed work of {@code iterations} square roots; a negative value instead spins for that many wall-clock ms. */
    static String work(long iterations) {
        if (iterations < 0) {
            return TRIVIAL.replace("double[][] c = new double[26][3];",
                    "long end = System.nanoTime() + " + (-iterations) + "L * 1000000L; double x = 0; while (System.nanoTime() < end) x += 1;\n"
                            + "        double[][] c = new double[26][3]; if (x < 0) c[0][0] = 1;");
        }
        return TRIVIAL.replace("double[][] c = new double[26][3];",
                "double x = 0; for (long k = 0; k < " + iterations + "L; k++) x += Math.sqrt(k + x * 1e-9);\n"
                        + "        double[][] c = new double[26][3]; if (x < 0) c[0][0] = 1;");
    }

    public static void main(String[] args) throws Exception {
        Problem problem = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
        switch (args[0]) {
            case "overhead" -> overhead(problem, Integer.parseInt(args[1]));
            case "scale" -> scale(problem, Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]),
                    Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray());
            case "memory" -> memory(problem);
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    static void overhead(Problem problem, int n) throws Exception {
        String queue = "te-bench-" + UUID.randomUUID();
        BrokerAddress address = BrokerAddress.parse("amqp://127.0.0.1:5672/?queue=" + queue);
        try (WorkerPoolEvaluator pool = WorkerPoolEvaluator.builder().workers(2).spares(0).build();
             EvaluatorServer server = new EvaluatorServer(address, Map.of(), pool, 2, System.err::println)) {
            server.start();
            try (RemoteEvaluator remote = RemoteEvaluator.builder().broker(address).build()) {
                for (int i = 0; i < 50; i++) {
                    pool.evaluate(TRIVIAL, problem, 0);
                    remote.evaluate(TRIVIAL, problem, 0);
                }
                double[] local = new double[n];
                double[] far = new double[n];
                for (int i = 0; i < n; i++) { // interleaved, so load swings hit both alike
                    long t0 = System.nanoTime();
                    Verdict a = pool.evaluate(TRIVIAL, problem, 0);
                    long t1 = System.nanoTime();
                    Verdict b = remote.evaluate(TRIVIAL, problem, 0);
                    long t2 = System.nanoTime();
                    if (!a.valid() || !b.valid()) throw new IllegalStateException(a + " / " + b);
                    local[i] = (t1 - t0) / 1e6;
                    far[i] = (t2 - t1) / 1e6;
                }
                System.out.printf("one at a time, %d candidates: local median %.2f ms (p90 %.2f), remote median %.2f ms (p90 %.2f), "
                        + "overhead median %.2f ms%n", n, pct(local, 50), pct(local, 90), pct(far, 50), pct(far, 90), pct(far, 50) - pct(local, 50));
                System.out.printf("throughput, %d in flight: local %.1f/s, remote %.1f/s%n", n, burst(pool, problem, n), burst(remote, problem, n));
            }
        } finally {
            delete(queue);
        }
    }

    /** RSS of a worker JVM (-Xmx512m) idle, after a trivial candidate, and after one that fills 320 MB of heap. */
    static void memory(Problem problem) throws Exception {
        try (WorkerPoolEvaluator pool = WorkerPoolEvaluator.builder().workers(1).spares(0).build()) {
            pool.evaluate(TRIVIAL, problem, 0);
            System.out.printf("worker RSS after a trivial candidate: %s MiB%n", workers());
            String heavy = TRIVIAL.replace("double[][] c = new double[26][3];",
                    "double[] big = new double[40000000]; for (int i = 0; i < big.length; i += 512) big[i] = i;\n"
                            + "        double[][] c = new double[26][3]; c[0][0] = big[512] > 0 ? 0.5 / 6 : 0;");
            Verdict v = pool.evaluate(heavy, problem, 0);
            System.out.printf("worker RSS after a candidate that filled 320 MB of heap (valid %s): %s MiB%n", v.valid(), workers());
        }
    }

    static String workers() {
        StringBuilder b = new StringBuilder();
        ProcessHandle.current().descendants().forEach(d -> b.append(rssMib(d.pid())).append(' '));
        return b.toString().strip();
    }

    static double burst(dev.thetaevolve.evaluate.Evaluator e, Problem problem, int n) {
        long t0 = System.nanoTime();
        List<CompletableFuture<Verdict>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) fs.add(e.submit(TRIVIAL, problem, 0));
        fs.forEach(CompletableFuture::join);
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    static void scale(Problem problem, Path jar, int jobs, long iterations, int[] processes) throws Exception {
        String candidate = work(iterations);
        try (WorkerPoolEvaluator pool = WorkerPoolEvaluator.builder().workers(1).spares(0).build()) {
            long t0 = System.nanoTime();
            Verdict v = pool.evaluate(candidate, problem, 0);
            System.out.printf("the candidate alone (local, 1 worker): %.0f ms run, valid %s%n", (System.nanoTime() - t0) / 1e6, v.valid());
        }
        for (int p : processes) {
            String queue = "te-bench-" + UUID.randomUUID();
            String uri = "amqp://127.0.0.1:5672/?queue=" + queue;
            List<Process> evaluators = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            try {
                for (int i = 0; i < p; i++) {
                    Path log = Files.createTempFile("bench-evaluator", ".log");
                    logs.add(log);
                    evaluators.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                            "evaluator", "--broker", uri, "--workers", "1", "--spares", "0").redirectErrorStream(true).redirectOutput(log.toFile()).start());
                }
                for (Path log : logs) while (!Files.readString(log).contains("consuming")) Thread.sleep(100);
                try (RemoteEvaluator remote = RemoteEvaluator.builder().broker(BrokerAddress.parse(uri)).build()) {
                    remote.evaluate(TRIVIAL, problem, 0);
                    long t0 = System.nanoTime();
                    List<CompletableFuture<Verdict>> fs = new ArrayList<>();
                    for (int i = 0; i < jobs; i++) fs.add(remote.submit(candidate, problem, 0));
                    for (CompletableFuture<Verdict> f : fs) if (!f.join().valid()) throw new IllegalStateException(String.valueOf(f.join().error()));
                    double secs = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("%d evaluator process(es): %d jobs in %.1f s = %.2f evaluations/s; %s%n", p, jobs, secs, jobs / secs, rss(evaluators));
                }
            } finally {
                for (Process e : evaluators) {
                    e.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                    e.destroyForcibly();
                    e.waitFor(10, TimeUnit.SECONDS);
                }
                delete(queue);
            }
        }
    }

    static String rss(List<Process> evaluators) {
        StringBuilder b = new StringBuilder("RSS MiB (evaluator JVM / its worker JVMs):");
        for (Process e : evaluators) {
            b.append(' ').append(rssMib(e.pid())).append(" /");
            e.toHandle().descendants().forEach(d -> b.append(' ').append(rssMib(d.pid())));
            b.append(';');
        }
        return b.toString();
    }

    static long rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    static double pct(double[] a, int p) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.round(p / 100.0 * (s.length - 1)))];
    }

    static void delete(String queue) throws Exception {
        try (Connection c = new ConnectionFactory().newConnection(); Channel ch = c.createChannel()) {
            ch.queueDelete(queue);
            ch.queueDelete(queue + ".dead");
        }
    }
}
