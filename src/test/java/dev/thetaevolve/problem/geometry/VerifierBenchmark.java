package dev.thetaevolve.problem.geometry;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.Verification;
import org.codehaus.janino.SimpleCompiler;

import java.util.Arrays;

/**
 * Prints, for each geometric problem, the median time of one strict verification of its reference
 * construction (warmed up, run in the project root), the time of one tolerant verification that needs
 * the shrink, and the seed's score. A measuring tool, not a test: figures vary ±15–50 % on shared machines.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) dev.thetaevolve.problem.geometry.VerifierBenchmark}
 */
public final class VerifierBenchmark {

    private VerifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2001;
        System.out.printf("%-34s %12s %14s %14s %12s%n", "problem", "strict µs", "tolerant µs", "seed score", "best known");
        for (String id : GeometryFixtures.IDS) {
            Problem p = GeometryFixtures.problem(id);
            double[][] ref = GeometryFixtures.referenceData(id);
            double[][] broken = nudged(id, ref);
            double strict = median(p, ref, 0, rounds);
            double tolerant = median(p, broken, 1e-6, Math.max(11, rounds / 10));
            System.out.printf("%-34s %12.1f %14.1f %14.6f %12.6f%n", id, strict, tolerant, seedScore(p), p.spec().bestKnown().value());
        }
    }

    /** A reference made valid only at tolerance 1e-6, so that verifying it runs the shrink. */
    private static double[][] nudged(String id, double[][] ref) {
        double[][] c = GeometryFixtures.copy(ref);
        if (id.startsWith("circle")) {
            for (double[] row : c) row[2] += 1e-8;
        } else if (id.startsWith("hexagon")) {
            double[] outer = c[c.length - 1];
            outer[2] = HexagonPackings.tightestSide(GeometryFixtures.dropLast(c), outer) - 1e-9;
        } else if (id.startsWith("heilbronn_triangle")) {
            c[1][1] = -1e-9;
        }
        return c;
    }

    private static double median(Problem p, double[][] data, double tol, int rounds) {
        double[] us = new double[rounds];
        for (int w = 0; w < rounds; w++) check(p.verify(data, tol));
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            check(p.verify(data, tol));
            us[i] = (System.nanoTime() - t) / 1e3;
        }
        Arrays.sort(us);
        return us[rounds / 2];
    }

    private static void check(Verification v) {
        if (!v.valid()) throw new IllegalStateException("benchmark input must be valid: " + v.reason());
    }

    private static double seedScore(Problem p) throws Exception {
        SimpleCompiler c = new SimpleCompiler();
        c.setParentClassLoader(VerifierBenchmark.class.getClassLoader());
        c.cook(p.seedSource());
        return p.verify(c.getClassLoader().loadClass("Seed").getMethod("solve").invoke(null), 0).score();
    }
}
