package dev.thetaevolve.store;

import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evaluate.Verdict;
import dev.thetaevolve.evolve.ChildRecord;
import dev.thetaevolve.evolve.ChildStatus;
import dev.thetaevolve.evolve.Engine;
import dev.thetaevolve.evolve.EngineConfig;
import dev.thetaevolve.evolve.InMemoryRunStore;
import dev.thetaevolve.evolve.StepSummary;
import dev.thetaevolve.mutate.BuiltinMutator;
import dev.thetaevolve.mutate.CodeNormalizer;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's scale figures for BENCHMARKS.md (soak profile: {@code mvn verify -Psoak -Dtest=ScaleBenchmark}):
 * resuming a run of 10^6 stored programs, and the per-step overhead of the engine with evaluation taken out
 * (an evaluator that answers at once with the parent's verdict).
 */
@QuarkusTest
@Tag("soak")
class ScaleBenchmark {
    @Inject
    StoreService store;
    @Inject
    ProblemCatalog catalog;

    /** Answers every candidate at once with one fixed verdict: evaluation costs nothing here. */
    static final class InstantEvaluator implements Evaluator {
        final Verdict verdict;

        InstantEvaluator(Verdict verdict) {
            this.verdict = verdict;
        }

        @Override
        public CompletableFuture<Verdict> submit(String source, Problem problem, double tolerance) {
            return CompletableFuture.completedFuture(verdict);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void resume_millionPrograms() {
        int total = Integer.getInteger("scale.programs", 1_000_000);
        Problem problem = catalog.problem("circle_packing_26");
        String seed = problem.seedSource();
        String hash = CodeNormalizer.hash(seed);
        RunView run = store.createRun("scale-" + System.nanoTime(), problem.id(), "builtin", "{}", 1);
        long t0 = System.nanoTime();
        int perStep = 512;
        long id = 0;
        int step = 0;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        while (id < total) {
            List<ChildRecord> batch = new ArrayList<>(perStep);
            int n = (int) Math.min(id == 0 ? 1 : perStep, total - id);
            for (int i = 0; i < n; i++, id++) {
                boolean valid = id == 0 || rng.nextDouble() < 0.6;
                double score = 0.9 + rng.nextDouble();
                batch.add(new ChildRecord(id, id == 0 ? -1 : rng.nextLong(id), (int) (id % 10), 1, step, seed, hash,
                        valid ? ChildStatus.VALID : ChildStatus.INVALID_OUTPUT, valid ? score : null, null, valid ? score : -0.1,
                        null, Map.of(), "bench", "janino", 3, 1, null));
            }
            store.commitStep(run.id(), new StepSummary(step, n, n, 1.0, 0, 0, n), batch);
            step++;
        }
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
        EngineConfig config = EngineConfig.builder().populationCap(total).archiveSize(1000).build();
        long r0 = System.nanoTime();
        Engine engine = Engine.resume(problem, config, new InstantEvaluator(null), BuiltinMutator.create(), new PanacheRunStore(store, run.id()), System::nanoTime);
        double resumeSeconds = (System.nanoTime() - r0) / 1e9;
        assertThat(engine.programs()).isEqualTo(total);
        System.out.printf("SCALE resume: %d programs stored in %.1f s; resume (read metadata + rebuild index) %.2f s%n", total, fillSeconds, resumeSeconds);
    }

    @Test
    void stepOverhead_withoutEvaluation() {
        Problem problem = catalog.problem("circle_packing_26");
        Verdict seedVerdict = new dev.thetaevolve.evolve.InProcessEvaluatorAccess().evaluate(problem);
        for (String where : new String[]{"memory", "h2"}) {
            EngineConfig config = EngineConfig.builder().parents(32).samples(16).seed(3).build();
            Engine engine;
            if (where.equals("memory")) {
                engine = Engine.start(problem, config, new InstantEvaluator(seedVerdict), BuiltinMutator.create(), new InMemoryRunStore(), System::nanoTime);
            } else {
                RunView run = store.createRun("overhead-" + System.nanoTime(), problem.id(), "builtin", "{}", 3);
                engine = Engine.start(problem, config, new InstantEvaluator(seedVerdict), BuiltinMutator.create(), new PanacheRunStore(store, run.id()), System::nanoTime);
            }
            for (int i = 0; i < 3; i++) engine.step(); // warm-up
            int steps = 10;
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) engine.step();
            double ms = (System.nanoTime() - t0) / 1e6 / steps;
            System.out.printf("SCALE step overhead (%s store, 32 x 16, evaluation excluded): %.1f ms per step, %.3f ms per child%n", where, ms, ms / 512);
        }
    }
}
