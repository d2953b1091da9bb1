package dev.thetaevolve.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.evolve.Engine;
import dev.thetaevolve.evolve.StepSummary;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.store.LeaseStore;
import dev.thetaevolve.store.PanacheRunStore;
import dev.thetaevolve.store.RolloutStore;
import dev.thetaevolve.store.RunView;
import dev.thetaevolve.store.RunStatus;
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

    /**
     * How a drive ended; all but DETACHED are also the run's stored status. DETACHED: the lease was lost or
     * the process is shutting down; the run stays RUNNING for its next holder. BUDGET_EXHAUSTED: the LLM
     * token or cost budget is spent. FAILED: the mutator's server failed a whole step or too many requests
     * in a row (the message says which).
     */
    public enum Outcome { FINISHED, STOPPED, DETACHED, BUDGET_EXHAUSTED, FAILED }

    /** Stops or detaches a drive from another thread; effective after the step in progress, or at once ({@link #stopNow()}). */
    public static final class Control {
        private volatile boolean stop;
        private volatile boolean now;
        private volatile boolean detach;
        private volatile Engine engine;

        public void stop() {
            stop = true;
            halt();
        }

        /** Stops within the step in progress: one still sampling or evaluating is abandoned (nothing of it committed). */
        public void stopNow() {
            now = true;
            stop();
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
            halt();
        }

        private void halt() {
            Engine e = engine;
            if (e == null) return;
            if (now) e.abandonStep();
            else if (stop || detach) e.requestStop();
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
    public RunView create(String name, RunSettings settings) {
        catalog.problem(settings.problem()); // fails fast on an unknown problem
        return store.createRun(name, settings.problem(), settings.mutator().word(), StoredSettings.write(settings), settings.engine().seed());
    }

    /**
     * The budget of a resume, counted from the run's last committed step, as {@link #begin} takes it.
     * Neither given: null, which keeps the stored budget, so the run completes what it was asked (the steps
     * or minutes left). {@code moreSteps}: the stored step target (or the last committed step when there
     * is none) plus that many. {@code moreMinutes}: the wall-clock allowance left plus that many minutes.
     * A budget not given is dropped when the other is given.
     */
    public RunSettings extended(RunView run, Integer moreSteps, Double moreMinutes) {
        if (moreSteps == null && moreMinutes == null) return null;
        RunView now = store.run(run.id());
        int committed = store.committedSteps(run.id());
        int steps = 0;
        double minutes = 0;
        if (moreSteps != null) {
            long target = (long) (now.targetStep() == null ? committed : Math.max(now.targetStep(), committed)) + moreSteps;
            steps = (int) Math.min(Integer.MAX_VALUE, target - committed);
        }
        if (moreMinutes != null) {
            long left = now.budgetMillis() == null ? 0 : Math.max(0, now.budgetMillis() - now.drivenMillis());
            minutes = left / 60_000.0 + moreMinutes;
        }
        return settings(now).withBudget(steps, minutes);
    }

    /** What is left of a run's stored budget: steps to its target (null: no step target), minutes (null: no time limit). */
    public record Left(Integer steps, Double minutes, int committed) {
        public boolean nothing() {
            return steps != null && steps == 0 || minutes != null && minutes == 0;
        }
    }

    public Left left(RunView run) {
        RunView now = store.run(run.id());
        int committed = store.committedSteps(run.id());
        Integer steps = now.targetStep() == null ? null : Math.max(0, now.targetStep() - committed);
        Double minutes = now.budgetMillis() == null ? null : Math.max(0, now.budgetMillis() - now.drivenMillis()) / 60_000.0;
        return new Left(steps, minutes, committed);
    }

    /** The run's row as stored now (status and message after a drive). */
    public RunView refresh(long runId) {
        return store.run(runId);
    }

    /** The settings stored with a run (fields added since it was stored read as their defaults). */
    public RunSettings settings(RunView run) {
        return StoredSettings.read(run.name(), run.config());
    }

    /**
     * Drives a run on this thread until the budget (steps and/or minutes, counted from now) is spent or a
     * stop is asked for. Starts from the seed when nothing is committed, else resumes after the last
     * committed step.
     *
     * @throws Conflict when another live process holds the run's lease
     */
    public Engine drive(RunView run, RunSettings budget, Listener listener, Consumer<Engine> onEngine) {
        return drive(run, budget, listener, onEngine, new Control());
    }

    /** As above, with the caller's {@link Control} (the CLI stops it on Ctrl-C). */
    public Engine drive(RunView run, RunSettings budget, Listener listener, Consumer<Engine> onEngine, Control control) {
        Leases.Lease lease = begin(run, control, budget);
        try (lease) {
            driveHeld(run, lease, control, listener, onEngine);
            return control.engine();
        }
    }

    /**
     * Takes a run's lease, marks it RUNNING and, when {@code budget} is given, records it as the budget of
     * this drive counted from the run's current step (null keeps the stored budget: a resume after a crash).
     *
     * @throws Conflict when another live process holds the lease
     */
    public Leases.Lease begin(RunView run, Control control, RunSettings budget) {
        Leases.Lease lease = leases.tryAcquire(run.id(), control::detach);
        if (lease == null) {
            throw new Conflict("run '" + run.name() + "' is being driven by another process (" + leases.holder(run.id()) + ")");
        }
        if (budget != null) {
            int committed = store.committedSteps(run.id());
            leaseStore.setBudget(run.id(), budget.steps() > 0 ? committed + budget.steps() : null,
                    budget.minutes() > 0 ? (long) (budget.minutes() * 60_000) : null);
        }
        try {
            // we hold the lease, so whoever was stopping the run is gone: that stop is complete
            leaseStore.transition(run.id(), RunStatus.STOPPING, RunStatus.STOPPED);
            leaseStore.setStatus(run.id(), leases.owner(), RunStatus.RUNNING, null);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        return lease;
    }

    /**
     * Drives a run whose lease this thread holds, until its stored budget is spent, a stop is asked for
     * ({@link Control#stop()} or the status STOPPING set by any process), or the lease is lost. The drive
     * itself is a {@link RunSession}; here are its ends: the final status (FINISHED, BUDGET_EXHAUSTED,
     * STOPPED; FAILED with the message on an error; none when detached) and the leaderboard offer.
     */
    public Outcome driveHeld(RunView run, Leases.Lease lease, Control control, Listener listener, Consumer<Engine> onEngine) {
        String owner = leases.owner();
        try {
            Problem problem = catalog.problem(run.problem());
            RunSettings settings = settings(run);
            RunView now = store.run(run.id());
            DriveBudget budget = new DriveBudget(now.targetStep(), now.budgetMillis(), now.drivenMillis(), System::nanoTime);
            RunSession.Parts parts = new RunSession.Parts(components, metrics, new PanacheRunStore(store, run.id()), rollouts.sink(run.id()));
            boolean exhausted;
            String failure;
            try (RunSession session = new RunSession(run.name(), problem, settings, now.programs() == 0, budget, lease, parts, System::nanoTime)) {
                control.attach(session.engine());
                if (onEngine != null) onEngine.accept(session.engine());
                session.run(() -> store.run(run.id()).status() == RunStatus.STOPPING, control, listener);
                exhausted = session.engine().budgetExhausted();
                failure = session.engine().failure();
            }
            leaderboards.offerRunBest(run.id());
            if (lease.lost() || control.detach) return Outcome.DETACHED;
            if (exhausted) {
                leaseStore.setStatus(run.id(), owner, RunStatus.BUDGET_EXHAUSTED, "the LLM token or cost budget is spent");
                return Outcome.BUDGET_EXHAUSTED;
            }
            if (failure != null) {
                leaseStore.setStatus(run.id(), owner, RunStatus.FAILED, failure.length() > 2000 ? failure.substring(0, 1997) + "..." : failure);
                return Outcome.FAILED;
            }
            boolean stopped = control.stop;
            leaseStore.setStatus(run.id(), owner, stopped ? RunStatus.STOPPED : RunStatus.FINISHED, null);
            return stopped ? Outcome.STOPPED : Outcome.FINISHED;
        } catch (RuntimeException e) {
            // detached (shutdown) or superseded: the failure is this process's, not the run's
            if (lease.lost() || control.detach) return Outcome.DETACHED;
            try {
                leaseStore.setStatus(run.id(), owner, RunStatus.FAILED, String.valueOf(e.getMessage()));
            } catch (RuntimeException f) {
                e.addSuppressed(f);
            }
            throw e;
        }
    }

    /**
     * The strict score of a run's best construction: itself when it is strictly valid, else the strict
     * score of its auto-shrunk form (packings), else null. Runs with tolerance 0 need none of this.
     */
    public Double bestStrictScore(long runId, double tolerance) {
        RunView run = store.run(runId);
        dev.thetaevolve.store.ProgramView best = store.best(run);
        if (best == null || best.construction() == null) return null;
        Problem problem = catalog.problem(run.problem());
        Object data;
        try {
            data = json.readValue(best.construction(), Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
        dev.thetaevolve.problem.Verification strict = problem.verifyJson(data, 0);
        if (strict.valid()) return strict.score();
        return problem.verifyJson(data, tolerance).strictScore();
    }
}
