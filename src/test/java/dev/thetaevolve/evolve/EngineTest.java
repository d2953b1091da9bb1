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
