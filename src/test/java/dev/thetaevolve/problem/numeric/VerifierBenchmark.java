package dev.thetaevolve.problem.numeric;

import dev.thetaevolve.problem.Problem;
import org.codehaus.janino.SimpleCompiler;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints each analytic verifier's median time on its reference construction (Hadamard: on the Paley
 * seed matrix, since no reference exists). A figures printer, not a test; run from the project root:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.thetaevolve.problem.numeric.VerifierBenchmark}.
 */
public final class VerifierBenchmark {

    private VerifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        for (String id : new String[] {"first_autocorrelation_c1", "second_autocorrelation_c2", "third_autocorrelation_c3",
                "third_autocorrelation_c3_prime", "erdos_minimum_overlap", "uncertainty_hermite", "kissing_number_11",
                "sums_differences_c6_u1"}) {
            cases.put(id, id);
        }
        cases.put("uncertainty_hermite_goncalves2017", "uncertainty_hermite");
        System.out.printf("%-36s %12s %12s %s%n", "construction", "median ms", "min ms", "score");
        for (Map.Entry<String, String> e : cases.entrySet()) {
            Problem p = References.problem(e.getValue());
            Object data = p.verifier().fromJson(References.load(e.getKey()).get("data"), p.spec().returnType());
            report(e.getKey(), p, data);
        }
        Problem hadamard = References.problem("hadamard_29");
        SimpleCompiler seed = new SimpleCompiler();
        seed.cook(hadamard.seedSource());
        report("hadamard_29 (Paley seed)", hadamard, seed.getClassLoader().loadClass("Seed").getMethod("solve").invoke(null));
    }

    private static void report(String name, Problem p, Object data) {
        double score = 0;
        long warmUntil = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmUntil) score = p.verify(data, 0).score();
        int runs = 21;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            score = p.verify(data, 0).score();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-36s %12.3f %12.3f %s%n", name, ms[runs / 2], ms[0], score);
    }
}
