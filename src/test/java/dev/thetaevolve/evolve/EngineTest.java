package dev.thetaevolve.evolve;

import dev.thetaevolve.mutate.BuiltinMutator;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineTest {
    private static Problem problem;

    @BeforeAll
    static void load() {
        problem = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
    }

    private static EngineConfig config(long seed) {
        return EngineConfig.builder().parents(4).samples(4).seed(seed).islands(3).populationCap(200).archiveSize(50).build();
    }

    private static List<String> hashes(InMemoryRunStore store) {
        return store.programs().stream().map(c -> c.id() + ":" + c.status() + ":" + c.normalizedHash()).toList();
    }

    @Test
    void step_commitsAllChildrenWithConsecutiveIds() {
        InMemoryRunStore store = new InMemoryRunStore();
        Engine e = Engine.start(problem, config(1), new InProcessEvaluator(), BuiltinMutator.create(), store, System::nanoTime);
        StepSummary s = e.step();
        assertThat(s.step()).isEqualTo(1);
        assertThat(s.children()).isEqualTo(16);
        assertThat(store.programs()).hasSize(17);
        for (int i = 0; i < store.programs().size(); i++) assertThat(store.programs().get(i).id()).isEqualTo(i);
        assertThat(store.programs().subList(1, 17)).allSatisfy(c -> {
            assertThat(c.step()).isEqualTo(1);
            assertThat(c.generation()).isEqualTo(1);
            assertThat(c.parentId()).isZero();
            if (c.valid()) assertThat(c.reward()).isEqualTo(c.score());
            else assertThat(c.reward()).isEqualTo(c.status().ladderReward());
        });
    }

    @Test
    void stop_whileSampling_abandonsTheStepWithinMillis_andAResumeRedoesItIdentically() throws Exception {
        // a mutator whose samples of step 2 never arrive (an LLM that hangs), until the step ends
        java.util.List<java.util.concurrent.CompletableFuture<?>> pending = new java.util.concurrent.CopyOnWriteArrayList<>();
        BuiltinMutator builtin = BuiltinMutator.create();
        java.util.concurrent.atomic.AtomicBoolean hang = new java.util.concurrent.atomic.AtomicBoolean();
        dev.thetaevolve.mutate.Mutator hanging = new dev.thetaevolve.mutate.Mutator() {

            @Override
            public List<java.util.concurrent.CompletableFuture<dev.thetaevolve.mutate.Sample>> sample(dev.thetaevolve.mutate.MutationRequest r) {
                if (!hang.get()) return builtin.sample(r);
                java.util.concurrent.CompletableFuture<dev.thetaevolve.mutate.Sample> never = new java.util.concurrent.CompletableFuture<>();
                pending.add(never);
                return List.of(never);
            }

            @Override
            public String name() {
                return "hanging";
            }

            @Override
            public void stepEnded() {
                pending.forEach(f -> f.cancel(true));
            }
        };
        InMemoryRunStore store = new InMemoryRunStore();
        Engine e = Engine.start(problem, config(3), new InProcessEvaluator(), hanging, store, System::nanoTime);
        e.step();
        int programs = store.programs().size();
        hang.set(true);
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor().schedule(e::abandonStep, 300, java.util.concurrent.TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        assertThatThrownBy(e::step).isInstanceOf(StepAbandoned.class).hasMessageContaining("step 2");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms from the step's start to its abandonment").isLessThan(2_000);
        assertThat(store.programs()).as("nothing of step 2 is committed").hasSize(programs);
        assertThat(e.committedSteps()).isEqualTo(1);
        assertThat(pending).isNotEmpty().allSatisfy(p -> assertThat(p).isCancelled());

        // resumed from the store, step 2 is redone and comes out as in an uninterrupted run of the same seed
        Engine again = Engine.resume(problem, config(3), new InProcessEvaluator(), BuiltinMutator.create(), store, System::nanoTime);
        again.step();
        InMemoryRunStore straight = new InMemoryRunStore();
        Engine s = Engine.start(problem, config(3), new InProcessEvaluator(), BuiltinMutator.create(), straight, System::nanoTime);
        s.step();
        s.step();
        assertThat(hashes(store)).isEqualTo(hashes(straight));
    }

    @Test
    void unavailableEvaluator_failsTheStepWithItsMessage_commitsNothing_andResumeRedoesIt() {
        InMemoryRunStore store = new InMemoryRunStore();
        Engine e = Engine.start(problem, config(4), new InProcessEvaluator(), BuiltinMutator.create(), store, System::nanoTime);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        dev.thetaevolve.evaluate.Evaluator flaky = new dev.thetaevolve.evaluate.Evaluator() {
            final InProcessEvaluator inner = new InProcessEvaluator();

            @Override
            public java.util.concurrent.CompletableFuture<dev.thetaevolve.evaluate.Verdict> submit(String source, Problem p, double tolerance) {
                if (calls.incrementAndGet() == 3) {
                    return java.util.concurrent.CompletableFuture.failedFuture(new dev.thetaevolve.evaluate.EvaluatorUnavailableException("broker gone"));
                }
                return inner.submit(source, p, tolerance);
            }

            @Override
            public void close() {
            }
        };
        Engine broken = Engine.resume(problem, config(4), flaky, BuiltinMutator.create(), store, System::nanoTime);
        assertThatThrownBy(broken::step).isInstanceOf(dev.thetaevolve.evaluate.EvaluatorUnavailableException.class).hasMessage("broker gone");
        assertThat(store.committedSteps()).isZero();
        assertThat(store.programs()).hasSize(1);
        Engine resumed = Engine.resume(problem, config(4), new InProcessEvaluator(), BuiltinMutator.create(), store, System::nanoTime);
        assertThat(resumed.step().children()).isEqualTo(16);
        assertThat(store.programs()).hasSize(17);
    }

    @Test
    void run_sameSeed_sameProgramHashes() {
        InMemoryRunStore a = new InMemoryRunStore();
        InMemoryRunStore b = new InMemoryRunStore();
        Engine ea = Engine.start(problem, config(9), new InProcessEvaluator(), BuiltinMutator.create(), a, System::nanoTime);
        Engine eb = Engine.start(problem, config(9), new InProcessEvaluator(), BuiltinMutator.create(), b, System::nanoTime);
        for (int i = 0; i < 3; i++) {
            ea.step();
            eb.step();
        }
        assertThat(hashes(a)).isEqualTo(hashes(b));
        InMemoryRunStore c = new InMemoryRunStore();
        Engine ec = Engine.start(problem, config(10), new InProcessEvaluator(), BuiltinMutator.create(), c, System::nanoTime);
        for (int i = 0; i < 3; i++) ec.step();
        assertThat(hashes(c)).isNotEqualTo(hashes(a));
    }

    @Test
    void resume_equalsUninterruptedRun() {
        InMemoryRunStore whole = new InMemoryRunStore();
        Engine w = Engine.start(problem, config(5), new InProcessEvaluator(), BuiltinMutator.create(), whole, System::nanoTime);
        for (int i = 0; i < 4; i++) w.step();

        InMemoryRunStore split = new InMemoryRunStore();
        Engine first = Engine.start(problem, config(5), new InProcessEvaluator(), BuiltinMutator.create(), split, System::nanoTime);
        first.step();
        first.step();
        Engine second = Engine.resume(problem, config(5), new InProcessEvaluator(), BuiltinMutator.create(), split, System::nanoTime);
        assertThat(second.committedSteps()).isEqualTo(2);
        second.step();
        second.step();
        assertThat(hashes(split)).isEqualTo(hashes(whole));
        assertThat(second.bestScore()).isEqualTo(w.bestScore());
    }

    /**
     * Search mode, scripted: a child's construction is its warm start, improved (its value + 1) for one
     * request seed in three, and otherwise passed on unchanged (a tie, like a broken local solver) or
     * with solver noise (+1e-12, below the gain a child needs).
     */
    static final class TieOrImprove implements dev.thetaevolve.evaluate.Evaluator {
        @Override
        public java.util.concurrent.CompletableFuture<dev.thetaevolve.evaluate.Verdict> submit(String source, Problem p, double tolerance) {
            throw new UnsupportedOperationException("search mode only");
        }

        @Override
        public java.util.concurrent.CompletableFuture<dev.thetaevolve.evaluate.Verdict> submit(dev.thetaevolve.evaluate.EvalRequest r) {
            double[][] c = new double[26][3];
            if (r.warmStart() instanceof double[][] w) c[0][2] = w[0][2];
            if (r.warmStart() == null || Math.floorMod(r.seed(), 3) == 0) c[0][2] += 1;
            else if (Math.floorMod(r.seed(), 3) == 1) c[0][2] += 1e-12;
            return java.util.concurrent.CompletableFuture.completedFuture(new dev.thetaevolve.evaluate.Verdict(true, c[0][2], java.util.Map.of(),
                    null, null, 0, 1, c, null));
        }

        @Override
        public void close() {
        }
    }

    private static EngineConfig searchConfig(long seed) {
        return EngineConfig.builder().parents(4).samples(2).seed(seed).islands(1).populationCap(200).archiveSize(50)
                .mode(dev.thetaevolve.problem.Mode.SEARCH).build();
    }

    @Test
    void searchMode_onlyChildrenThatBeatTheirParentBecomeParents_andResumeKeepsTheRule() {
        InMemoryRunStore whole = new InMemoryRunStore();
        Engine w = Engine.start(problem, searchConfig(7), new TieOrImprove(), BuiltinMutator.create(), whole, System::nanoTime);
        for (int i = 0; i < 6; i++) w.step();

        java.util.Map<Long, ChildRecord> byId = new java.util.HashMap<>();
        whole.programs().forEach(c -> byId.put(c.id(), c));
        long ties = whole.programs().stream().filter(c -> c.valid() && c.parentId() >= 0 && byId.get(c.parentId()).score().equals(c.score())).count();
        long noise = whole.programs().stream().filter(c -> c.valid() && c.parentId() >= 0 && c.score() > byId.get(c.parentId()).score()
                && c.score() < byId.get(c.parentId()).score() + 0.5).count();
        assertThat(ties).as("the script makes ties").isPositive();
        assertThat(noise).as("and noise-level gains").isPositive();
        for (ChildRecord c : whole.programs()) {
            if (c.parentId() < 0 || byId.get(c.parentId()).parentId() < 0) continue; // the seed's starts are always parents
            ChildRecord parent = byId.get(c.parentId());
            ChildRecord grandparent = byId.get(parent.parentId());
            assertThat(parent.score()).as("parent %d of %d beats its own parent", parent.id(), c.id()).isGreaterThan(grandparent.score() + 0.5);
        }

        InMemoryRunStore split = new InMemoryRunStore();
        Engine first = Engine.start(problem, searchConfig(7), new TieOrImprove(), BuiltinMutator.create(), split, System::nanoTime);
        for (int i = 0; i < 3; i++) first.step();
        Engine second = Engine.resume(problem, searchConfig(7), new TieOrImprove(), BuiltinMutator.create(), split, System::nanoTime);
        for (int i = 0; i < 3; i++) second.step();
        assertThat(split.programs().stream().map(c -> c.id() + "<" + c.parentId() + ":" + c.score()).toList())
                .isEqualTo(whole.programs().stream().map(c -> c.id() + "<" + c.parentId() + ":" + c.score()).toList());
    }

    @Test
    void searchMode_seedStartsColdSeveralTimes_eachARootWithItsOwnHarnessSeed() {
        List<dev.thetaevolve.evaluate.EvalRequest> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        TieOrImprove script = new TieOrImprove();
        dev.thetaevolve.evaluate.Evaluator recording = around(script, r -> {
            seen.add(r);
            return script.submit(r);
        });
        InMemoryRunStore store = new InMemoryRunStore();
        EngineConfig three = searchConfig(7).toBuilder().searchStarts(3).build();
        Engine e = Engine.start(problem, three, recording, BuiltinMutator.create(), store, System::nanoTime);

        assertThat(store.programs()).hasSize(3);
        assertThat(store.programs()).allSatisfy(c -> {
            assertThat(c.step()).isZero();
            assertThat(c.parentId()).isEqualTo(-1);
            assertThat(c.valid()).isTrue();
        });
        assertThat(store.programs()).extracting(ChildRecord::summary)
                .containsExactly("seed program, start 1 of 3", "seed program, start 2 of 3", "seed program, start 3 of 3");
        assertThat(seen).hasSize(3).allSatisfy(r -> assertThat(r.warmStart()).as("cold").isNull());
        assertThat(seen).extracting(dev.thetaevolve.evaluate.EvalRequest::seed).doesNotHaveDuplicates()
                .first().as("the first start keeps step 0's seed").isEqualTo(three.stepSeed(0));
        assertThat(e.evaluations()).isEqualTo(3);

        e.step();
        Engine resumed = Engine.resume(problem, three, recording, BuiltinMutator.create(), store, System::nanoTime);
        assertThat(resumed.committedSteps()).isEqualTo(1);
        assertThat(resumed.bestScore()).isEqualTo(e.bestScore());

        InMemoryRunStore construct = new InMemoryRunStore();
        Engine.start(problem, config(2).toBuilder().searchStarts(5).build(), new InProcessEvaluator(), BuiltinMutator.create(), construct, System::nanoTime);
        assertThat(construct.programs()).as("construct mode's seed is deterministic: one start").hasSize(1);
        assertThat(construct.programs().get(0).summary()).isEqualTo("seed program");
    }

    @Test
    void searchMode_aLaterColdStartThatFails_refusesTheRunAndNamesTheStart() {
        TieOrImprove script = new TieOrImprove();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        dev.thetaevolve.evaluate.Evaluator secondFails = around(script, r -> calls.incrementAndGet() == 2
                ? java.util.concurrent.CompletableFuture.completedFuture(dev.thetaevolve.evaluate.Verdict.failed(
                        dev.thetaevolve.evaluate.ErrorKind.INVALID_OUTPUT, "circle 3 leaves the square", null, 0, 0))
                : script.submit(r));
        InMemoryRunStore store = new InMemoryRunStore();
        assertThatThrownBy(() -> Engine.start(problem, searchConfig(7).toBuilder().searchStarts(3).build(), secondFails,
                BuiltinMutator.create(), store, System::nanoTime))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not valid (start 2 of 3)").hasMessageContaining("circle 3 leaves the square");
        assertThat(store.programs()).as("nothing of a refused start is committed").isEmpty();
        assertThat(store.committedSteps()).isZero();
    }

    /** An evaluator that answers plain submissions with {@code inner} and requests with {@code requests}. */
    private static dev.thetaevolve.evaluate.Evaluator around(dev.thetaevolve.evaluate.Evaluator inner,
            java.util.function.Function<dev.thetaevolve.evaluate.EvalRequest, java.util.concurrent.CompletableFuture<dev.thetaevolve.evaluate.Verdict>> requests) {
        return new dev.thetaevolve.evaluate.Evaluator() {
            @Override
            public java.util.concurrent.CompletableFuture<dev.thetaevolve.evaluate.Verdict> submit(String source, Problem p, double tolerance) {
                return inner.submit(source, p, tolerance);
            }

            @Override
            public java.util.concurrent.CompletableFuture<dev.thetaevolve.evaluate.Verdict> submit(dev.thetaevolve.evaluate.EvalRequest r) {
                return requests.apply(r);
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void runAsync_commitsEachParentGroupAsItsOwnStep() {
        InMemoryRunStore store = new InMemoryRunStore();
        Engine e = Engine.start(problem, config(3), new InProcessEvaluator(), BuiltinMutator.create(), store, System::nanoTime);
        List<StepSummary> seen = new java.util.ArrayList<>();
        e.runAsync(6, Long.MAX_VALUE, seen::add);
        assertThat(seen).hasSize(6);
        assertThat(seen).extracting(StepSummary::step).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(seen).allSatisfy(s -> assertThat(s.children()).isEqualTo(4));
        assertThat(store.programs()).hasSize(1 + 6 * 4);
        assertThat(e.committedSteps()).isEqualTo(6);
        for (int i = 0; i < store.programs().size(); i++) assertThat(store.programs().get(i).id()).isEqualTo(i);
    }

    @Test
    void start_onStoreWithSteps_isRefused() {
        InMemoryRunStore store = new InMemoryRunStore();
        Engine.start(problem, config(1), new InProcessEvaluator(), BuiltinMutator.create(), store, System::nanoTime).step();
        assertThatThrownBy(() -> Engine.start(problem, config(1), new InProcessEvaluator(), BuiltinMutator.create(), store, System::nanoTime))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("resume");
    }

    @Test
    void commitStep_twice_isRefused() {
        InMemoryRunStore store = new InMemoryRunStore();
        Engine.start(problem, config(1), new InProcessEvaluator(), BuiltinMutator.create(), store, System::nanoTime).step();
        assertThatThrownBy(() -> store.commitStep(new StepSummary(1, 0, 0, null, -1, 0, 0), List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void config_badValues_failWithOptionName() {
        assertThatThrownBy(() -> EngineConfig.builder().parents(0).build()).hasMessageContaining("parents").hasMessageContaining("'0'");
        assertThatThrownBy(() -> EngineConfig.builder().tolerance(-1).build()).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> EngineConfig.builder().archiveSize(50).populationCap(10).build()).isInstanceOf(IllegalStateException.class);
    }
}
