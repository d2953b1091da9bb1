package dev.thetaevolve.rl;

import dev.thetaevolve.evaluate.WorkerPoolEvaluator;
import dev.thetaevolve.evolve.Engine;
import dev.thetaevolve.evolve.EngineConfig;
import dev.thetaevolve.evolve.InMemoryRunStore;
import dev.thetaevolve.mutate.BuiltinMutator;
import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * RL on against RL off at the same budget of evaluations: the real {@link Engine}, the real worker-pool
 * evaluator (2 workers), the built-in mutator with and without the {@link GrpoLearner}'s policy. Problems,
 * seeds, budget and every setting were fixed before the first result was seen; nothing is tuned on them.
 * Writes one SVG per problem and a markdown table to {@code rl.experiment.out} (default target/rl-experiment).
 *
 * <pre>mvn -B -o test -Psoak -Dtest=RlExperiment -Drl.experiment.budget=2048 -Drl.experiment.out=docs/rl-experiment</pre>
 */
@Tag("soak")
class RlExperiment {
    static final List<String> PROBLEMS = List.of("circle_packing_26", "heilbronn_convex_13", "first_autocorrelation_c1", "min_max_distance_ratio_16_2d");
    static final long[] SEEDS = {101, 202, 303, 404, 505};
    static final int PARENTS = 8;
    static final int SAMPLES = 8;

    /** Best-so-far score after each step, against evaluations spent. */
    record Curve(double[] evaluations, double[] best) {
    }

    @Test
    void rlOnAgainstRlOff() throws IOException {
        int budget = Integer.getInteger("rl.experiment.budget", 512);
        Path out = Path.of(System.getProperty("rl.experiment.out", "target/rl-experiment"));
        List<String> problems = System.getProperty("rl.experiment.problems") == null ? PROBLEMS
                : Arrays.asList(System.getProperty("rl.experiment.problems").split(","));
        Files.createDirectories(out);
        ProblemCatalog catalog = ProblemCatalog.open(Path.of(""));
        StringBuilder table = new StringBuilder("| problem | direction | seed score | median best, RL off | median best, RL on | median AUC/budget, RL off | median AUC/budget, RL on | RL on better (of " + SEEDS.length + " seeds, best) |\n|---|---|---|---|---|---|---|---|\n");
        long t0 = System.nanoTime();
        try (WorkerPoolEvaluator evaluator = WorkerPoolEvaluator.builder().workers(2).build()) {
            for (String id : problems) {
                Problem problem = catalog.problem(id);
                List<Curve> off = new ArrayList<>(), on = new ArrayList<>();
                Double seedScore = null;
                for (long seed : SEEDS) {
                    off.add(run(problem, seed, false, budget, evaluator));
                    on.add(run(problem, seed, true, budget, evaluator));
                    seedScore = off.get(off.size() - 1).best()[0];
                    System.out.printf(Locale.ROOT, "%s seed %d: off %.10g on %.10g (%.0f s)%n", id, seed, last(off.get(off.size() - 1)), last(on.get(on.size() - 1)), (System.nanoTime() - t0) / 1e9);
                }
                Direction dir = problem.direction();
                int wins = 0;
                for (int i = 0; i < SEEDS.length; i++) if (dir.better(last(on.get(i)), last(off.get(i)))) wins++;
                table.append(String.format(Locale.ROOT, "| %s | %s | %.8g | %.8g | %.8g | %.8g | %.8g | %d |%n", id, dir.name().toLowerCase(Locale.ROOT), seedScore,
                        median(off.stream().mapToDouble(RlExperiment::last).toArray()), median(on.stream().mapToDouble(RlExperiment::last).toArray()),
                        median(off.stream().mapToDouble(c -> auc(c, budget)).toArray()), median(on.stream().mapToDouble(c -> auc(c, budget)).toArray()), wins));
                double[] grid = new double[65];
                for (int g = 0; g < grid.length; g++) grid[g] = budget * g / 64.0;
                String svg = SvgPlot.render(id + ": median best-so-far over " + SEEDS.length + " seeds", "evaluations",
                        "best score (" + dir.name().toLowerCase(Locale.ROOT) + ")", List.of(
                                new SvgPlot.Series("RL off (weighted roulette)", grid, medianCurve(off, grid)),
                                new SvgPlot.Series("RL on (GRPO policy)", grid, medianCurve(on, grid))));
                Files.writeString(out.resolve(id + ".svg"), svg);
            }
        }
        table.append(String.format(Locale.ROOT, "%nbudget %d evaluations per run, P=%d x K=%d, seeds %s, wall %.0f s%n", budget, PARENTS, SAMPLES,
                Arrays.toString(SEEDS), (System.nanoTime() - t0) / 1e9));
        Files.writeString(out.resolve("table.md"), table);
        System.out.println(table);
    }

    static Curve run(Problem problem, long seed, boolean rl, int budget, WorkerPoolEvaluator evaluator) {
        EngineConfig config = EngineConfig.builder().parents(PARENTS).samples(SAMPLES).seed(seed)
                .islands(4).populationCap(2000).archiveSize(200).build();
        BuiltinMutator.Builder mutator = BuiltinMutator.builder();
        GrpoLearner learner = null;
        if (rl) {
            RlSettings settings = RlSettings.builder().policySeed(seed).plannedSteps(budget / (PARENTS * SAMPLES)).build();
            learner = GrpoLearner.create(problem.spec(), settings, new InMemoryRolloutSink());
            mutator.policy(learner.policy());
        }
        Engine engine = Engine.start(problem, config, evaluator, mutator.build(), new InMemoryRunStore(), System::nanoTime);
        // -Drl.experiment.frozen=true: the ablation "policy action space, no learning" (the policy stays at its init)
        if (learner != null && !Boolean.getBoolean("rl.experiment.frozen")) engine.observe(learner);
        List<Double> evals = new ArrayList<>(List.of(0.0));
        List<Double> best = new ArrayList<>(List.of(engine.bestScore()));
        while (engine.evaluations() - 1 < budget) {
            engine.step();
            evals.add((double) engine.evaluations() - 1);
            best.add(engine.bestScore());
        }
        return new Curve(evals.stream().mapToDouble(Double::doubleValue).toArray(), best.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Best-so-far at {@code x} evaluations (the value after the last step that ended at or before x). */
    static double at(Curve c, double x) {
        double v = c.best()[0];
        for (int i = 0; i < c.evaluations().length && c.evaluations()[i] <= x; i++) v = c.best()[i];
        return v;
    }

    /** Final best within the budget. */
    static double last(Curve c) {
        return c.best()[c.best().length - 1];
    }

    /** Area under best-so-far against evaluations over [0, budget], divided by the budget: the mean best-so-far. */
    static double auc(Curve c, int budget) {
        double area = 0;
        for (int i = 0; i < c.evaluations().length; i++) {
            double from = c.evaluations()[i];
            double to = i + 1 < c.evaluations().length ? Math.min(budget, c.evaluations()[i + 1]) : budget;
            if (to > from) area += c.best()[i] * (to - from);
        }
        return area / budget;
    }

    static double[] medianCurve(List<Curve> curves, double[] grid) {
        double[] m = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double[] v = new double[curves.size()];
            for (int i = 0; i < v.length; i++) v[i] = at(curves.get(i), grid[g]);
            m[g] = median(v);
        }
        return m;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
