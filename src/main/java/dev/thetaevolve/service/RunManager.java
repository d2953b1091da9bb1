package dev.thetaevolve.service;

import dev.thetaevolve.store.LeaseStore;
import dev.thetaevolve.store.RunEntity;
import dev.thetaevolve.store.StoreQueries;
import dev.thetaevolve.store.StoreService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
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
    @ConfigProperty(name = "thetaevolve.service.max-workers", defaultValue = "0")
    int maxWorkersConfig;

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
        return maxWorkersConfig > 0 ? maxWorkersConfig : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Creates a run and starts driving it at once.
     *
     * @param name null for a generated one
     * @throws IllegalArgumentException for bad settings (unknown mutator, too many workers)
     * @throws NotFound                 for an unknown problem
     * @throws Conflict                 when the name is taken
     */
    public RunEntity create(String name, RunSettings settings) {
        if (settings.workers() > maxWorkers()) {
            throw new IllegalArgumentException("workers must be <= " + maxWorkers() + " on this service, got '" + settings.workers() + "'");
        }
        components.mutator(settings, null).close(); // an unavailable mutator fails here, not later in the run
        String runName = name != null ? name : settings.problem() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        RunEntity run;
        try {
            run = runs.create(runName, settings);
        } catch (IllegalStateException e) {
            throw new Conflict(e.getMessage());
        }
        launch(run, settings);
        return store.run(run.id);
    }

    /**
     * Resumes a stopped, finished or failed run (or an orphaned RUNNING one) with a new budget.
     *
     * @param budget steps/minutes of the new drive; null for the run's stored settings' budget
     * @throws Conflict when the run is going (here or elsewhere) or stopping
     */
    public RunEntity resume(long runId, Integer steps, Double minutes) {
        RunEntity run = run(runId);
        if (active.containsKey(runId)) throw new Conflict("run '" + run.name + "' is already running");
        if (run.status.equals("STOPPING")) throw new Conflict("run '" + run.name + "' is stopping; resume it once it has stopped");
        RunSettings stored = runs.settings(run);
        RunSettings budget = steps == null && minutes == null ? stored
                : stored.withBudget(steps == null ? 0 : steps, minutes == null ? 0 : minutes);
        launch(run, budget);
        return store.run(runId);
    }

    /**
     * Asks a run to stop after its step in progress, wherever it is driven: here directly, elsewhere
     * through the status STOPPING that its holder reads after each step. A run nobody drives stops at once.
     *
     * @throws Conflict when the run is not going
     */
    public RunEntity stop(long runId) {
        RunEntity run = run(runId);
        RunService.Control c = active.get(runId);
        if (c != null) {
            leaseStore.transition(runId, "RUNNING", "STOPPING");
            c.stop();
            return store.run(runId);
        }
        if (run.status.equals("CREATED") || run.status.equals("RUNNING") && !heldByLiveProcess(run)) {
            leaseStore.transition(runId, run.status, "STOPPED");
        } else if (!leaseStore.transition(runId, "RUNNING", "STOPPING") && !run.status.equals("STOPPING")) {
            throw new Conflict("run '" + run.name + "' is not running (status " + run.status + ")");
        }
        return store.run(runId);
    }

    private static boolean heldByLiveProcess(RunEntity run) {
        return run.leaseOwner != null && run.leaseUntil != null && run.leaseUntil.isAfter(Instant.now())
                && !Leases.isDeadLocalProcess(run.leaseOwner);
    }

    /** Whether this process drives the run now. */
    public boolean drivesHere(long runId) {
        return active.containsKey(runId);
    }

    public Set<Long> drivenHere() {
        return Set.copyOf(active.keySet());
    }

    private RunEntity run(long runId) {
        RunEntity run = store.run(runId);
        if (run == null) throw new NotFound("no run with id " + runId);
        return run;
    }

    /** Takes the lease on the caller's thread (so a busy run answers at once) and drives on a new one. */
    private void launch(RunEntity run, RunSettings budget) {
        RunService.Control control = new RunService.Control();
        if (active.putIfAbsent(run.id, control) != null) throw new Conflict("run '" + run.name + "' is already running");
        Leases.Lease lease;
        try {
            lease = runs.begin(run, control, budget);
        } catch (RuntimeException e) {
            active.remove(run.id, control);
            throw e;
        }
        drivers.submit(() -> drive(run, lease, control));
    }

    private void drive(RunEntity run, Leases.Lease lease, RunService.Control control) {
        Thread.currentThread().setName("run-" + run.id);
        try (lease) {
            RunService.Outcome outcome = runs.drive(run, lease, control, null, null);
            Log.infof("run %s (%d): %s", run.name, run.id, outcome);
        } catch (RuntimeException e) {
            if (shuttingDown) Log.infof("run %s (%d) detached at shutdown: %s", run.name, run.id, e.getMessage());
            else Log.errorf(e, "run %s (%d) failed", run.name, run.id);
        } finally {
            active.remove(run.id, control);
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
            for (RunEntity run : queries.runsWithStatus("RUNNING", "STOPPING")) {
                if (active.containsKey(run.id) || heldByLiveProcess(run)) continue;
                if (run.status.equals("STOPPING")) {
                    leaseStore.transition(run.id, "STOPPING", "STOPPED");
                    continue;
                }
                try {
                    launch(run, null);
                    Log.infof("resumed run %s (%d) left RUNNING by %s", run.name, run.id, run.leaseOwner);
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
