package dev.thetaevolve.rl;

import dev.thetaevolve.evolve.StepObserver;
import dev.thetaevolve.evolve.StepSummary;
import dev.thetaevolve.mutate.BuiltinOperator;
import dev.thetaevolve.problem.ProblemSpec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Test-time RL for the built-in mutator. Hand {@link #policy()} to {@code BuiltinMutator.builder().policy(..)}
 * and register the learner with {@code engine.observe(learner)}; then after every committed step it
 * <ol>
 *   <li>rewards each child ({@link RewardFunction}) and forms GRPO groups per parent ({@link Rollouts});</li>
 *   <li>takes one Adam step on the PPO-clip surrogate (ε 0.2 low / 0.28 high, no KL) over the step's
 *       decisions — children the policy did not choose (no {@code decision} on their sample) are logged but not learned from;</li>
 *   <li>updates the run state the features read ({@link PolicyFeatures});</li>
 *   <li>commits the rollouts and a checkpoint of the policy to the {@link RolloutSink}.</li>
 * </ol>
 * {@link #create} restores the sink's newest checkpoint, so a resumed run goes on with its learned policy.
 * Used from the engine's thread.
 */
public final class GrpoLearner implements StepObserver {
    private final RlSettings settings;
    private final RewardFunction rewards;
    private final LearnedPolicy policy;
    private final RolloutSink sink;
    private StepStats last;

    private GrpoLearner(RlSettings settings, RewardFunction rewards, LearnedPolicy policy, RolloutSink sink) {
        this.settings = settings;
        this.rewards = rewards;
        this.policy = policy;
        this.sink = sink;
    }

    /** A learner for a run of {@code spec}; restores the newest checkpoint in {@code sink} when there is one. */
    public static GrpoLearner create(ProblemSpec spec, RlSettings settings, RolloutSink sink) {
        Objects.requireNonNull(sink, "sink");
        double[] prior = new double[PolicyNet.OPS];
        for (BuiltinOperator op : BuiltinOperator.values()) prior[op.ordinal()] = op.defaultWeight();
        LearnedPolicy policy = new LearnedPolicy(PolicyNet.init(settings.hidden(), settings.policySeed(), prior),
                new PolicyFeatures(spec, settings.plannedSteps()));
        sink.latestCheckpoint().ifPresent(c -> policy.restore(c.bytes()));
        return new GrpoLearner(settings, RewardFunction.of(settings.reward(), spec), policy, sink);
    }

    /** The policy to give the built-in mutator. */
    public LearnedPolicy policy() {
        return policy;
    }

    /** What the last update did; null before the first step. */
    public StepStats lastStep() {
        return last;
    }

    /**
     * One step's learning outcome.
     *
     * @param learned decisions learned from
     * @param loss    the PPO-clip loss before the update (NaN when nothing was learned)
     */
    public record StepStats(int step, int rollouts, int learned, double meanReward, double loss) {
    }

    @Override
    public void stepCommitted(StepSummary summary, List<Child> children) {
        Map<Child, LearnedPolicy.Decision> decisions = new IdentityHashMap<>();
        for (Child c : children) {
            Optional<LearnedPolicy.Decision> d = policy.take(c.sample().decision());
            d.ifPresent(x -> decisions.put(c, x));
        }
        policy.clearPending();
        List<Rollout> rollouts = Rollouts.of(summary.step(), children, rewards, new Rollouts.Describer() {
            @Override
            public String input(Child c) {
                LearnedPolicy.Decision d = decisions.get(c);
                return (d == null ? "no policy decision" : d.describe()) + " parent=" + c.parent().id() + " parentScore=" + c.parent().score();
            }

            @Override
            public String output(Child c) {
                return c.record().summary();
            }

            @Override
            public List<Double> logprobs(Child c) {
                LearnedPolicy.Decision d = decisions.get(c);
                return d == null ? List.of() : List.of(d.logprob());
            }
        });
        List<PolicyNet.Example> batch = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < children.size(); i++) {
            total += rollouts.get(i).reward();
            LearnedPolicy.Decision d = decisions.get(children.get(i));
            if (d != null) batch.add(new PolicyNet.Example(d.features(), d.opMask(), d.op(), d.loc(), d.mag(), d.logprob(), rollouts.get(i).advantage()));
        }
        double loss = batch.isEmpty() ? Double.NaN : policy.update(batch, settings);
        policy.features().record(summary.step(), children);
        byte[] checkpoint = summary.step() % settings.checkpointEvery() == 0 ? policy.checkpoint() : null;
        sink.commit(summary.step(), rollouts, checkpoint);
        last = new StepStats(summary.step(), rollouts.size(), batch.size(), children.isEmpty() ? Double.NaN : total / children.size(), loss);
    }
}
