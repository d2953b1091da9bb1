package dev.thetaevolve.mutate;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Prints how fast the built-in mutator makes samples (parse + mutate + diff + self-check) and applies
 * them, on a problem's seed: {@code main(problemId, requests, samplesPerRequest)}, defaults
 * circle_packing_26 2000 16. Figures only; nothing is asserted.
 */
final class BuiltinMutatorBenchmark {
    public static void main(String[] args) {
        String id = args.length > 0 ? args[0] : "circle_packing_26";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Problem problem = ProblemCatalog.open(Path.of("")).problem(id);
        Parent parent = new Parent(1, problem.seedSource(), null, Map.of(), null);
        BuiltinMutator mutator = BuiltinMutator.create();
        for (int round = 0; round < 2; round++) { // round 0 warms the JIT
            long t0 = System.nanoTime();
            long applied = 0;
            for (int i = 0; i < requests; i++) {
                List<CompletableFuture<Sample>> fs = mutator.sample(new MutationRequest(problem, parent, List.of(), k, i));
                for (CompletableFuture<Sample> f : fs) {
                    if (DiffFormat.apply(parent.code(), f.join().text()).hasChild()) applied++;
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s: %d requests x %d samples in %.2f s = %.0f samples/s (%.1f us each, apply included); %d applied%n",
                    round == 0 ? "warm-up" : "measured", requests, k, s, requests * k / s, s * 1e6 / (requests * k), applied);
        }
    }
}
