package dev.thetaevolve.service;

import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evolve.Engine;
import dev.thetaevolve.evolve.RunStore;
import dev.thetaevolve.evolve.StepSummary;
import dev.thetaevolve.mutate.Mutator;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.rl.BridgeSettings;
import dev.thetaevolve.rl.GrpoLearner;
import dev.thetaevolve.rl.RewardFunction;
import dev.thetaevolve.rl.RlSettings;
import dev.thetaevolve.rl.RolloutSink;
import dev.thetaevolve.rl.Rollouts;
import dev.thetaevolve.rl.TrainerBridge;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One drive of one run, from its parts to its last step. The constructor assembles what lives exactly as
 * long as the drive: the test-time RL learner, the trainer bridge, the worker pool, the mutator and the
 * engine (started from the seed, or resumed after the last committed step); {@link #close()} closes them,
 * last made first closed, also when assembling failed half-way. {@link #run} is the one loop: steps with a
 * barrier until the {@link DriveBudget} is spent, or the engine's asynchronous mode with the same budget.
 *
 * <p>After every commit the session ends a lap of the budget, renews the lease with the time spent (a
 * drive whose lease was taken over stops), honours a stop asked by any process, and tells the listener.
 * Owned by the driving thread; only {@link RunService.Control} reaches it from others, through the engine.
 */
final class RunSession implements AutoCloseable {

    /** What the drive needs from the service: the parts' factories and the run's store views. */
    record Parts(Components components, RunMetrics metrics, RunStore store, RolloutSink rollouts) {
    }

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final String runName;
    private final RunSettings settings;
    private final DriveBudget budget;
    private final Leases.Lease lease;
    private final RunMetrics metrics;
    private final Engine engine;

    /**
     * @param fresh whether nothing is committed yet (start from the seed) or the run resumes
     * @throws RuntimeException from any part; the parts made before it are closed
     */
    RunSession(String runName, Problem problem, RunSettings settings, boolean fresh, DriveBudget budget, Leases.Lease lease, Parts parts,
               LongSupplier nanoClock) {
        this.runName = runName;
        this.settings = settings;
        this.budget = budget;
        this.lease = lease;
        this.metrics = parts.metrics();
        try {
            // test-time RL: the learner restores its policy from the run's newest checkpoint, so a resume keeps it
            GrpoLearner learner = settings.rl() ? GrpoLearner.create(problem.spec(), RlSettings.builder()
                    .reward(settings.reward())
                    .learningRate(settings.rlLearningRate())
                    .policySeed(settings.engine().seed())
                    .plannedSteps(budget.targetStep() == null ? 0 : budget.targetStep())
                    .build(), parts.rollouts()) : null;
            BridgeSettings bridge = settings.bridgeSettings(runName);
            TrainerBridge trainer = bridge == null ? null
                    : open(new TrainerBridge(bridge, RewardFunction.of(settings.reward(), problem.spec()), Rollouts.completions()));
            Evaluator evaluator = open(parts.components().evaluator(settings));
            Mutator raw = parts.components().mutator(settings, learner == null ? null : learner.policy());
            Mutator mutator = open(MeteredParts.mutator(raw, metrics));
            // on-policy: once vLLM has loaded a step's adapter, the next samples ask for it by name
            if (trainer != null && raw instanceof dev.thetaevolve.mutate.LlmMutator llm) {
                trainer.onAdapterLoaded((server, adapter) -> llm.client().useModel(server, adapter));
            }
            RunStore store = guarded(MeteredParts.store(parts.store(), metrics), lease);
            engine = fresh
                    ? Engine.start(problem, settings.engine(), evaluator, mutator, store, nanoClock)
                    : Engine.resume(problem, settings.engine(), evaluator, mutator, store, nanoClock);
            if (learner != null) engine.observe(learner);
            if (trainer != null) engine.observe(trainer);
        } catch (RuntimeException e) {
            closeQuietly(e);
            throw e;
        }
        metrics.best(runName, engine.bestScore());
    }

    Engine engine() {
        return engine;
    }

    /**
     * Steps until the budget is spent, a stop is asked ({@code stopAsked} is read after every commit), the
     * engine is told to stop, or the lease is lost.
     */
    void run(BooleanSupplier stopAsked, RunService.Control control, RunService.Listener listener) {
        java.util.function.Consumer<StepSummary> afterCommit = s -> {
            metrics.onStep(s.millis());
            metrics.best(runName, engine.bestScore());
            if (!lease.renew(budget.lap())) return; // losing it has already asked the engine to stop
            if (stopAsked.getAsBoolean()) control.stop();
            if (listener != null) listener.onStep(s, engine);
        };
        if (settings.engine().async()) {
            if (budget.asyncHasWork(engine.committedSteps())) {
                engine.runAsync(budget.asyncGroups(engine.committedSteps()), budget.deadlineNanos(), afterCommit);
            }
        } else {
            while (!engine.stopRequested() && budget.allowsStep(engine.committedSteps())) {
                StepSummary done;
                try {
                    done = engine.step();
                } catch (dev.thetaevolve.evolve.StepAbandoned abandoned) {
                    break; // a stop came mid-step: nothing of it is committed; a resume redoes it
                }
                afterCommit.accept(done);
            }
        }
    }

    /** Renews the lease right before each commit: a process whose lease was taken over can never commit. */
    private static RunStore guarded(RunStore inner, Leases.Lease lease) {
        return MeteredParts.aroundCommit(inner, step -> {
            if (!lease.renew(0)) throw new IllegalStateException("lost the lease of run " + lease.runId() + " before committing step " + step.step());
        }, children -> { });
    }

    private <T extends AutoCloseable> T open(T part) {
        opened.push(part);
        return part;
    }

    /** Closes the parts, last opened first; the first failure is thrown after all were tried. */
    @Override
    public void close() {
        RuntimeException first = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (first == null) first = e instanceof RuntimeException r ? r : new IllegalStateException("closing a part of run " + runName + " failed", e);
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }

    private void closeQuietly(RuntimeException cause) {
        try {
            close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
