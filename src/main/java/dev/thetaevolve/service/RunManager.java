package dev.thetaevolve.service;

import dev.thetaevolve.store.LeaseStore;
import dev.thetaevolve.store.RunView;
import dev.thetaevolve.store.RunStatus;
import dev.thetaevolve.store.StoreQueries;
import dev.thetaevolve.store.StoreService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs driven by the service: each on its own thread with its own worker pool (its own worker budget),
 * several at once. A run is driven here only while this process holds its lease, so replicas sharing one
 * database split the runs between them. When serving, a scan at start-up and then once per lease
 * time-to-live adopts every RUNNING run whose holder is gone: the runs that were going when a service
 * stopped, or whose replica died. On shutdown every drive detaches after its step in progress and
 * releases its lease, leaving the run RUNNING for the next start or another replica.
 */
@ApplicationScoped
public class RunManager {

    @Inject
    RunService runs;
    @Inject
    StoreService store;
    @Inject
    StoreQueries queries;
    @Inject
    LeaseStore leaseStore;
    @Inject
    Leases leases;
    @Inject
    Components components;
    @Inject
    RunLimits limits;

    private final Map<Long, RunService.Control> active = new ConcurrentHashMap<>();
    private final ExecutorService drivers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });
    private volatile ScheduledExecutorService scanner;
    private volatile boolean shuttingDown;

    /** The most worker JVMs one run may ask for ({@code thetaevolve.service.max-workers}, default: cores). */
    public int maxWorkers() {
        return limits.maxWorkers();
    }

    /**
     * Creates a run and starts driving it at once.
     *
     * @param name null for a generated one
     * @throws IllegalArgumentException for bad settings (unknown mutator, too many workers)
     * @throws NotFound                 for an unknown problem
     * @throws Conflict                 when the name is taken
     */
    public RunView create(String name, RunSettings settings) {
        limits.check(settings); // P, K, P x K, steps, minutes, workers: 400 naming the limit
        components.mutator(settings, null).close(); // an unavailable mutator fails here, not later in the run
        String runName = name != null ? name : RunNames.generate(settings.problem());
        RunView run;
        try {
            run = runs.create(runName, settings);
        } catch (Conflict e) {
            throw e;
        } catch (IllegalStateException e) {
            throw new Conflict(e.getMessage());
        } catch (RuntimeException e) {
            // two creations of one name at once: the loser meets the unique index at flush or at commit
            if (Conflict.isUniqueViolation(e)) throw new Conflict("run '" + runName + "' already exists; use resume --run " + runName + " to continue it");
            throw e;
        }
        launch(run, settings);
        return store.run(run.id());
    }

    /**
     * Resumes a stopped, finished or failed run (or an orphaned RUNNING one). Without steps and minutes it
     * completes the run's stored budget; with them it extends it ({@link RunService#extended}).
     *
     * @throws Conflict when the run is going (here or elsewhere) or stopping
     */
    public RunView resume(long runId, Integer steps, Double minutes) {
        RunView run = run(runId);
        if (active.containsKey(runId)) throw new Conflict("run '" + run.name() + "' is already running");
        if (run.status() == RunStatus.STOPPING) throw new Conflict("run '" + run.name() + "' is stopping; resume it once it has stopped");
        RunSettings budget = runs.extended(run, steps, minutes);
        if (budget != null) {
            limits.check(budget.engine().parents(), budget.engine().samples(), budget.workers(),
                    budget.steps() == 0 ? 0 : (long) store.committedSteps(runId) + budget.steps(), budget.minutes());
        }
        launch(run, budget);
        return store.run(runId);
    }

    /**
     * Asks a run to stop after its step in progress, wherever it is driven: here directly, elsewhere
     * through the status STOPPING that its holder reads after each step. A run nobody drives stops at once.
     *
     * @throws Conflict when the run is not going
     */
    public RunView stop(long runId) {
        RunView run = run(runId);
        RunService.Control c = active.get(runId);
        if (c != null) {
            leaseStore.transition(runId, RunStatus.RUNNING, RunStatus.STOPPING);
            c.stopNow(); // within the step in progress, even one that is still sampling
            return store.run(runId);
        }
        if (run.status() == RunStatus.CREATED || run.status() == RunStatus.RUNNING && !heldByLiveProcess(run)) {
            leaseStore.transition(runId, run.status(), RunStatus.STOPPED);
        } else if (!leaseStore.transition(runId, RunStatus.RUNNING, RunStatus.STOPPING) && run.status() != RunStatus.STOPPING) {
            throw new Conflict("run '" + run.name() + "' is not running (status " + run.status() + ")");
        }
        return store.run(runId);
    }

    private static boolean heldByLiveProcess(RunView run) {
        return run.leaseOwner() != null && run.leaseUntil() != null && run.leaseUntil().isAfter(Instant.now())
                && !Leases.isDeadLocalProcess(run.leaseOwner());
    }

    /** Whether this process drives the run now. */
    public boolean drivesHere(long runId) {
        return active.containsKey(runId);
    }

    public Set<Long> drivenHere() {
        return Set.copyOf(active.keySet());
    }

    private RunView run(long runId) {
        RunView run = store.run(runId);
        if (run == null) throw new NotFound("no run with id " + runId);
        return run;
    }

    /** Takes the lease on the caller's thread (so a busy run answers at once) and drives on a new one. */
    private void launch(RunView run, RunSettings budget) {
        RunService.Control control = new RunService.Control();
        if (active.putIfAbsent(run.id(), control) != null) throw new Conflict("run '" + run.name() + "' is already running");
        Leases.Lease lease;
        try {
            lease = runs.begin(run, control, budget);
        } catch (RuntimeException e) {
            active.remove(run.id(), control);
            throw e;
        }
        drivers.submit(() -> drive(run, lease, control));
    }

    private void drive(RunView run, Leases.Lease lease, RunService.Control control) {
        Thread.currentThread().setName("run-" + run.id());
        try (lease) {
            RunService.Outcome outcome = runs.driveHeld(run, lease, control, null, null);
            Log.infof("run %s (%d): %s", run.name(), run.id(), outcome);
        } catch (RuntimeException e) {
            if (shuttingDown) Log.infof("run %s (%d) detached at shutdown: %s", run.name(), run.id(), e.getMessage());
            else Log.errorf(e, "run %s (%d) failed", run.name(), run.id());
        } finally {
            active.remove(run.id(), control);
        }
    }

    /** Starts adopting orphaned RUNNING runs: now, then once per lease time-to-live. Called by {@code serve}. */
    public synchronized void serve() {
        if (scanner != null) return;
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-adopter");
            t.setDaemon(true);
            return t;
        });
        scanner.scheduleWithFixedDelay(this::adoptOrphans, 0, leases.ttl().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drives every RUNNING run whose lease is free (its holder stopped or died); STOPPING orphans become STOPPED. */
    public void adoptOrphans() {
        try {
            for (RunView run : queries.runsWithStatus(RunStatus.RUNNING, RunStatus.STOPPING)) {
                if (active.containsKey(run.id()) || heldByLiveProcess(run)) continue;
                if (run.status() == RunStatus.STOPPING) {
                    leaseStore.transition(run.id(), RunStatus.STOPPING, RunStatus.STOPPED);
                    continue;
                }
                try {
                    launch(run, null);
                    Log.infof("resumed run %s (%d) left RUNNING by %s", run.name(), run.id(), run.leaseOwner());
                } catch (Conflict e) {
                    // another replica adopted it first
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("cannot scan for runs to resume: %s", e.getMessage());
        }
    }

    /** Detaches every drive (each after its step in progress, for at most ~20 s), releasing its lease. */
    void onShutdown(@Observes ShutdownEvent ev) {
        shuttingDown = true;
        if (scanner != null) scanner.shutdownNow();
        active.values().forEach(RunService.Control::detach);
        drivers.shutdown();
        try {
            if (!drivers.awaitTermination(20, TimeUnit.SECONDS)) Log.warn("runs still stepping at shutdown; they resume from their last committed step");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
