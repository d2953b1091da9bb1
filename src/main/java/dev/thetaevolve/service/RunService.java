package dev.thetaevolve.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evolve.Engine;
import dev.thetaevolve.evolve.RunStore;
import dev.thetaevolve.evolve.StepSummary;
import dev.thetaevolve.mutate.Mutator;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.rl.BridgeSettings;
import dev.thetaevolve.rl.GrpoLearner;
import dev.thetaevolve.rl.RewardFunction;
import dev.thetaevolve.rl.Rollouts;
import dev.thetaevolve.rl.TrainerBridge;
import dev.thetaevolve.rl.RewardType;
import dev.thetaevolve.rl.RlSettings;
import dev.thetaevolve.store.LeaseStore;
import dev.thetaevolve.store.PanacheRunStore;
import dev.thetaevolve.store.RolloutStore;
import dev.thetaevolve.store.RunEntity;
import dev.thetaevolve.store.StoreService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.Consumer;

/**
 * Run lifecycles shared by the CLI and the REST API: create a run, drive it to its budget, resume it.
 *
 * <p>Driving happens on the caller's thread and only under the run's lease ({@link Leases}): a process
 * that does not hold it never commits a step, and it renews the lease right before every commit, so two
 * processes sharing one database can never both write one run. The budget of a drive (a target step
 * and a wall-clock allowance) is stored with the run, so a run taken over after a crash or a restart
 * continues with what is left of it.
 */
@ApplicationScoped
public class RunService {

    /** Told after every committed step, on the driving thread. */
    public interface Listener {
        void onStep(StepSummary step, Engine engine);
    }

    /** How a drive ended. DETACHED: the lease was lost or the process is shutting down; the run stays RUNNING for its next holder. */
    public enum Outcome { FINISHED, STOPPED, DETACHED }

    /** Stops or detaches a drive from another thread; effective after the step in progress. */
    public static final class Control {
        private volatile boolean stop;
        private volatile boolean detach;
        private volatile Engine engine;

        public void stop() {
            stop = true;
            halt();
        }

        public void detach() {
            detach = true;
            halt();
        }

        public Engine engine() {
            return engine;
        }

        void attach(Engine e) {
            engine = e;
            if (stop || detach) e.requestStop();
        }

        private void halt() {
            Engine e = engine;
            if (e != null) e.requestStop();
        }
    }

    @Inject
    StoreService store;
    @Inject
    LeaseStore leaseStore;
    @Inject
    Leases leases;
    @Inject
    ProblemCatalog catalog;
    @Inject
    ObjectMapper json;
    @Inject
    Components components;
    @Inject
    RunMetrics metrics;
    @Inject
    Leaderboards leaderboards;
    @Inject
    RolloutStore rollouts;

    /**
     * Creates a run row for new settings.
     *
     * @throws IllegalArgumentException for an unknown problem
     * @throws IllegalStateException    when the name is taken
     */
    public RunEntity create(String name, RunSettings settings) {
        catalog.problem(settings.problem()); // fails fast on an unknown problem
        return store.createRun(name, settings.problem(), settings.mutator(), write(settings), settings.engine().seed());
    }

    public RunSettings settings(RunEntity run) {
        try {
            return json.readValue(run.config, RunSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run '" + run.name + "' has an unreadable configuration: " + e.getOriginalMessage(), e);
        }
    }

    private String write(RunSettings s) {
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Drives a run on this thread until the budget (steps and/or minutes, counted from now) is spent or a
     * stop is asked for. Starts from the seed when nothing is committed, else resumes after the last
     * committed step.
     *
     * @throws Conflict when another live process holds the run's lease
     */
    public Engine drive(RunEntity run, RunSettings budget, Listener listener, Consumer<Engine> onEngine) {
        Control control = new Control();
        Leases.Lease lease = begin(run, control, budget);
        try (lease) {
            drive(run, lease, control, (s, e) -> {
                if (listener != null) listener.onStep(s, e);
            }, onEngine);
            return control.engine();
        }
    }

    /**
     * Takes a run's lease, marks it RUNNING and, when {@code budget} is given, records it as the budget of
     * this drive counted from the run's current step (null keeps the stored budget: a resume after a crash).
     *
     * @throws Conflict when another live process holds the lease
     */
    public Leases.Lease begin(RunEntity run, Control control, RunSettings budget) {
        Leases.Lease lease = leases.tryAcquire(run.id, control::detach);
        if (lease == null) {
            throw new Conflict("run '" + run.name + "' is being driven by another process (" + leases.holder(run.id) + ")");
        }
        if (budget != null) {
            int committed = store.committedSteps(run.id);
            leaseStore.setBudget(run.id, budget.steps() > 0 ? committed + budget.steps() : null,
                    budget.minutes() > 0 ? (long) (budget.minutes() * 60_000) : null);
        }
        leaseStore.setStatus(run.id, leases.owner(), "RUNNING", null);
        return lease;
    }

    /**
     * Drives a run whose lease this thread holds, until its stored budget is spent, a stop is asked for
     * ({@link Control#stop()} or the status STOPPING set by any process), or the lease is lost. Sets the
     * final status (FINISHED, STOPPED; FAILED with a message on an error) unless detached, and offers the
     * run's best to its leaderboard.
     */
    public Outcome drive(RunEntity run, Leases.Lease lease, Control control, Listener listener, Consumer<Engine> onEngine) {
        String owner = leases.owner();
        try {
            Problem problem = catalog.problem(run.problem);
            RunSettings settings = settings(run);
            RunEntity now = store.run(run.id);
            Integer target = now.targetStep;
            Long budgetMillis = now.budgetMillis;
            long driven = now.drivenMillis;
            // test-time RL: the learner restores its policy from the run's newest checkpoint, so resume keeps it
            GrpoLearner learner = settings.rl() ? GrpoLearner.create(problem.spec(), RlSettings.builder()
                    .reward(RewardType.parse(settings.reward() == null ? "raw" : settings.reward()))
                    .learningRate(settings.rlLearningRate() > 0 ? settings.rlLearningRate() : 1e-2)
                    .policySeed(settings.engine().seed())
                    .plannedSteps(target == null ? 0 : target)
                    .build(), rollouts.sink(run.id)) : null;
            BridgeSettings bridge = Components.bridgeSettings(settings, run.name);
            boolean exhausted;
            try (TrainerBridge trainer = bridge == null ? null : new TrainerBridge(bridge,
                    RewardFunction.of(RewardType.parse(settings.reward() == null ? "raw" : settings.reward()), problem.spec()), Rollouts.completions());
                 Evaluator evaluator = components.evaluator(settings.workers());
                 Mutator mutator = MeteredParts.mutator(components.mutator(settings, learner == null ? null : learner.policy()), metrics)) {
                RunStore runStore = guarded(MeteredParts.store(new PanacheRunStore(store, run.id), metrics), lease);
                Engine engine = now.programs == 0
                        ? Engine.start(problem, settings.engine(), evaluator, mutator, runStore, System::nanoTime)
                        : Engine.resume(problem, settings.engine(), evaluator, mutator, runStore, System::nanoTime);
                if (learner != null) engine.observe(learner);
                if (trainer != null) engine.observe(trainer);
                control.attach(engine);
                if (onEngine != null) onEngine.accept(engine);
                metrics.best(run.name, engine.bestScore());
                long[] last = {System.nanoTime()};
                long[] spentTotal = {driven};
                // after each commit: meter, renew the lease (with the time spent), honour a STOPPING set anywhere
                Listener afterCommit = (s, e) -> {
                    long t = System.nanoTime();
                    long spent = (t - last[0]) / 1_000_000;
                    last[0] = t;
                    spentTotal[0] += spent;
                    metrics.onStep(s.millis());
                    metrics.best(run.name, e.bestScore());
                    if (!lease.renew(spent)) return; // lose() has already asked the engine to stop
                    if ("STOPPING".equals(store.run(run.id).status)) control.stop();
                    if (listener != null) listener.onStep(s, e);
                };
                if (settings.engine().async()) {
                    int groups = target == null ? 0 : Math.max(0, target - engine.committedSteps());
                    long deadline = budgetMillis == null ? Long.MAX_VALUE : System.nanoTime() + (budgetMillis - driven) * 1_000_000;
                    if (target == null || groups > 0) engine.runAsync(groups, deadline, s -> afterCommit.onStep(s, engine));
                } else {
                    while (!engine.stopRequested() && (target == null || engine.committedSteps() < target)
                            && (budgetMillis == null || spentTotal[0] < budgetMillis)) {
                        afterCommit.onStep(engine.step(), engine);
                    }
                }
                exhausted = engine.budgetExhausted();
            }
            leaderboards.offerRunBest(run.id);
            if (lease.lost() || control.detach) return Outcome.DETACHED;
            if (exhausted) {
                leaseStore.setStatus(run.id, owner, "BUDGET_EXHAUSTED", "the LLM token or cost budget is spent");
                return Outcome.FINISHED;
            }
            boolean stopped = control.stop;
            leaseStore.setStatus(run.id, owner, stopped ? "STOPPED" : "FINISHED", null);
            return stopped ? Outcome.STOPPED : Outcome.FINISHED;
        } catch (RuntimeException e) {
            // detached (shutdown) or superseded: the failure is this process's, not the run's
            if (lease.lost() || control.detach) return Outcome.DETACHED;
            leaseStore.setStatus(run.id, owner, "FAILED", String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /** Renews the lease right before each commit: a process whose lease was taken over can never commit. */
    private static RunStore guarded(RunStore inner, Leases.Lease lease) {
        return MeteredParts.aroundCommit(inner, step -> {
            if (!lease.renew(0)) throw new IllegalStateException("lost the lease of run " + lease.runId() + " before committing step " + step.step());
        }, children -> { });
    }

    /**
     * The strict score of a run's best construction: itself when it is strictly valid, else the strict
     * score of its auto-shrunk form (packings), else null. Runs with tolerance 0 need none of this.
     */
    public Double bestStrictScore(long runId, double tolerance) {
        RunEntity run = store.run(runId);
        dev.thetaevolve.store.ProgramEntity best = store.best(run);
        if (best == null || best.construction == null) return null;
        Problem problem = catalog.problem(run.problem);
        Object data;
        try {
            data = json.readValue(best.construction, Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
        dev.thetaevolve.problem.Verification strict = problem.verifyJson(data, 0);
        if (strict.valid()) return strict.score();
        return problem.verifyJson(data, tolerance).strictScore();
    }
}
