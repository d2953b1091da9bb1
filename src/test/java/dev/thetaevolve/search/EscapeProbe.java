package dev.thetaevolve.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Development aid behind BENCHMARKS.md §11 (not a test): chains search children of a circle_packing_26 seed
 * variant from a stored construction (or a cold start, "-") until a target score, and prints the hops and CPU
 * seconds it took. With a temperature T the children accept worse hops with Metropolis' rule (the harness
 * itself never does); without one they run the trusted {@link SearchHarness}.
 * <pre>java -cp target/classes:target/test-classes:CLASSPATH dev.thetaevolve.search.EscapeProbe SEED.java CONSTRUCTION.json|- MILLIS CHILDREN SEED TARGET [T]</pre>
 */
public final class EscapeProbe {

    private EscapeProbe() {
    }

    public static void main(String[] a) throws Exception {
        Problem p = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
        SearchHarness.Candidate cand = SearchSeeds.compile(Files.readString(Path.of(a[0])));
        Object warm = a[1].equals("-") ? null : new ObjectMapper().readValue(Files.readString(Path.of(a[1])), double[][].class);
        long millis = Long.parseLong(a[2]);
        int children = Integer.parseInt(a[3]);
        long seed = Long.parseLong(a[4]);
        double target = Double.parseDouble(a[5]);
        double temperature = a.length > 6 ? Double.parseDouble(a[6]) : 0;
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        int hops = 0;
        double best = 0;
        for (int c = 0; c < children && best < target; c++) {
            long deadline = System.nanoTime() + millis * 1_000_000L;
            Object found;
            double score;
            if (temperature <= 0) {
                SearchHarness.Outcome o = SearchHarness.run(cand, SearchSeeds.objective(p), p.spec().returnType(), warm, seed * 1000 + c,
                        deadline, SearchHarness.Schedule.DEFAULT, System::nanoTime);
                hops += o.hops();
                found = o.best();
                score = o.score();
            } else {
                SplittableRandom rnd = new SplittableRandom(seed * 1000 + c);
                Objective obj = SearchSeeds.objective(p);
                found = cand.improve(warm != null ? warm : cand.initial(rnd), obj, rnd, deadline);
                score = obj.score(found);
                Object cur = found;
                double curScore = score, intensity = SearchHarness.Schedule.DEFAULT.min();
                while (System.nanoTime() < deadline) {
                    Object next = cand.improve(cand.perturb(cur, intensity, rnd), obj, rnd, deadline);
                    hops++;
                    double s = obj.score(next);
                    boolean up = !Double.isNaN(s) && s > curScore;
                    if (!Double.isNaN(s) && s > score) {
                        found = next;
                        score = s;
                    }
                    if (up || (!Double.isNaN(s) && rnd.nextDouble() < Math.exp((s - curScore) / temperature))) {
                        cur = next;
                        curScore = s;
                    }
                    intensity = SearchHarness.Schedule.DEFAULT.next(intensity, up);
                }
            }
            if (!Double.isNaN(score) && (warm == null || score > best)) {
                warm = found;
                best = score;
            }
        }
        System.out.printf("%s T=%s seed %d: best %.10f after %d hops, cpu %.1f s%n", Path.of(a[0]).getFileName(), temperature, seed, best, hops,
                (mx.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }
}
