package dev.thetaevolve.rl;

import dev.thetaevolve.evolve.ChildStatus;
import dev.thetaevolve.evolve.StepObserver;
import dev.thetaevolve.evolve.StepSummary;
import dev.thetaevolve.mutate.BuiltinOperator;
import dev.thetaevolve.mutate.MutationPolicy;
import dev.thetaevolve.mutate.MutationRequest;
import dev.thetaevolve.mutate.Parent;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class GrpoLearnerTest {
    private static final ProblemSpec SPEC = ProblemCatalog.open(Path.of("")).spec("circle_packing_26").orElseThrow();
    private static final int SWAP = BuiltinOperator.SWAP_OPERATOR.ordinal();

    /** A toy bandit: only SWAP_OPERATOR edits give valid children (score 2.0); everything else is invalid. */
    private static void bandit(GrpoLearner learner, int fromStep, int steps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<BuiltinOperator, Double> weights = new EnumMap<>(BuiltinOperator.class);
        for (BuiltinOperator op : BuiltinOperator.values()) weights.put(op, op.defaultWeight());
        long id = 1000L * fromStep;
        for (int step = fromStep; step < fromStep + steps; step++) {
            List<StepObserver.Child> children = new ArrayList<>();
            for (int p = 1; p <= 4; p++) {
                Parent parent = new Parent(p, "class P { double x = 1.0; }", 1.0, null, null);
                MutationRequest request = new MutationRequest(null, parent, List.of(), 8, rng.nextLong());
                for (int k = 0; k < 8; k++) {
                    MutationPolicy.Choice c = learner.policy().choose(
                            new MutationPolicy.PolicyContext(request, k, Arrays.asList(BuiltinOperator.values()), weights), rng);
                    boolean good = c.operator() == BuiltinOperator.SWAP_OPERATOR;
                    children.add(RolloutsTest.child(id++, parent, good ? ChildStatus.VALID : ChildStatus.INVALID_OUTPUT,
                            good ? 2.0 : null, "edit " + c.operator(), "diff", c.decision()));
                }
            }
            learner.stepCommitted(new StepSummary(step, children.size(), 0, null, -1, 0, children.size()), children);
        }
    }

    private static double swapProbability(GrpoLearner learner) {
        double[] x = learner.policy().features().of(new Parent(1, "class P { double x = 1.0; }", 1.0, null, null));
        return learner.policy().operatorProbabilities(x)[SWAP];
    }

    @Test
    void stepCommitted_makesTheBetterArmMoreLikely() {
        InMemoryRolloutSink sink = new InMemoryRolloutSink();
        GrpoLearner learner = GrpoLearner.create(SPEC, RlSettings.builder().build(), sink);
        double before = swapProbability(learner);
        bandit(learner, 1, 30, 42);
        assertThat(before).isBetween(0.07, 0.09);
        assertThat(swapProbability(learner)).isGreaterThan(0.3);
        assertThat(learner.policy().updates()).isEqualTo(30);
        assertThat(learner.lastStep().learned()).isEqualTo(32);
        assertThat(sink.rollouts()).hasSize(30 * 32);
        Rollout r = sink.rollouts().get(0);
        assertThat(r.input()).startsWith("op=").contains("features=[1.0");
        assertThat(r.logprobs()).hasSize(1);
    }

    @Test
    void stepCommitted_withTheRealEngine_learnsEveryStepFromTheSamplesDecisions() {
        var problem = ProblemCatalog.open(Path.of("")).problem("circle_packing_26");
        InMemoryRolloutSink sink = new InMemoryRolloutSink();
        GrpoLearner learner = GrpoLearner.create(SPEC, RlSettings.builder().plannedSteps(2).build(), sink);
        var config = dev.thetaevolve.evolve.EngineConfig.builder().parents(2).samples(4).seed(3).islands(2).populationCap(100).archiveSize(20).build();
        try (var evaluator = dev.thetaevolve.evaluate.WorkerPoolEvaluator.builder().workers(1).build()) {
            var engine = dev.thetaevolve.evolve.Engine.start(problem, config, evaluator,
                    dev.thetaevolve.mutate.BuiltinMutator.builder().policy(learner.policy()).build(),
                    new dev.thetaevolve.evolve.InMemoryRunStore(), System::nanoTime).observe(learner);
            engine.step();
            engine.step();
        }
        assertThat(learner.policy().updates()).isEqualTo(2);
        assertThat(sink.rollouts()).hasSize(16).allSatisfy(r -> {
            assertThat(r.input()).startsWith("op=");
            assertThat(r.output()).doesNotContain("[rl#");
            assertThat(r.logprobs()).hasSize(1);
        });
        assertThat(sink.latestCheckpoint()).hasValueSatisfying(c -> assertThat(c.step()).isEqualTo(2));
    }

    @Test
    void create_resumesFromTheSinksCheckpoint() {
        InMemoryRolloutSink sink = new InMemoryRolloutSink();
        GrpoLearner first = GrpoLearner.create(SPEC, RlSettings.builder().build(), sink);
        bandit(first, 1, 5, 7);
        assertThat(sink.latestCheckpoint()).hasValueSatisfying(c -> assertThat(c.step()).isEqualTo(5));
        GrpoLearner resumed = GrpoLearner.create(SPEC, RlSettings.builder().build(), sink);
        GrpoLearner fresh = GrpoLearner.create(SPEC, RlSettings.builder().build(), new InMemoryRolloutSink());
        assertThat(resumed.policy().updates()).isEqualTo(5);
        double[] x = fresh.policy().features().of(new Parent(9, "class Q {}", null, null, null));
        assertThat(resumed.policy().checkpoint()).isEqualTo(first.policy().checkpoint());
        assertThat(resumed.policy().operatorProbabilities(x)).isNotEqualTo(fresh.policy().operatorProbabilities(x));
    }

    @Test
    void stepCommitted_childrenWithoutADecisionAreLoggedButNotLearned() {
        InMemoryRolloutSink sink = new InMemoryRolloutSink();
        GrpoLearner learner = GrpoLearner.create(SPEC, RlSettings.builder().checkpointEvery(2).build(), sink);
        Parent parent = new Parent(1, "class P {}", 2.0, null, null);
        learner.stepCommitted(new StepSummary(1, 2, 1, 2.5, 5, 0, 2), List.of(
                RolloutsTest.child(5, parent, ChildStatus.VALID, 2.5, "perturb literal", "d"),
                RolloutsTest.child(6, parent, ChildStatus.LAZY, null, "lazy", "d")));
        assertThat(learner.lastStep().learned()).isZero();
        assertThat(learner.lastStep().loss()).isNaN();
        assertThat(learner.policy().updates()).isZero();
        assertThat(sink.rollouts()).hasSize(2);
        assertThat(sink.latestCheckpoint()).isEmpty(); // step 1 is not a multiple of checkpointEvery 2
    }
}
