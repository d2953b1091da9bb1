package dev.thetaevolve.service;

import dev.thetaevolve.store.RunView;
import dev.thetaevolve.store.StepView;
import dev.thetaevolve.store.StoreQueries;
import dev.thetaevolve.store.StoreService;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A run's progress as a stream of events, read from the store: committed steps, new bests and the end of
 * the run. Reading the store rather than listening to a local engine means a client of any replica sees
 * a run driven by any other one (or by the CLI). Each follower polls every {@code thetaevolve.feed.poll}.
 */
@ApplicationScoped
public class RunFeed {

    /** One event: {@code name} is step, best, stopped, finished or failed; {@code id} is the step number (SSE Last-Event-ID). */
    public record Event(String name, String id, Map<String, Object> data) {
    }

    @Inject
    StoreService store;
    @Inject
    StoreQueries queries;
    @ConfigProperty(name = "thetaevolve.feed.poll", defaultValue = "500ms")
    Duration poll;

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "run-feed");
        t.setDaemon(true);
        return t;
    });

    /** A follower; {@link #close()} ends it. */
    public final class Follower implements AutoCloseable {
        private final long runId;
        private final Consumer<Event> sink;
        private final Runnable onEnd;
        private int lastStep;
        private long evaluations;
        private Double best;
        private volatile ScheduledFuture<?> task;
        private volatile boolean closed;

        Follower(long runId, int afterStep, Consumer<Event> sink, Runnable onEnd) {
            this.runId = runId;
            this.lastStep = afterStep;
            this.sink = sink;
            this.onEnd = onEnd;
        }

        private void tick() {
            if (closed) return;
            try {
                RunView run = store.run(runId);
                // status first: steps committed before a terminal status are all read below
                for (StepView s : queries.steps(runId)) {
                    evaluations += s.evaluations();
                    if (s.step() <= lastStep) {
                        best = s.bestScore();
                        continue;
                    }
                    lastStep = s.step();
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("step", s.step());
                    d.put("evaluations", evaluations);
                    d.put("best", s.bestScore());
                    d.put("children", s.children());
                    d.put("valid", s.valid());
                    d.put("millis", s.millis());
                    sink.accept(new Event("step", Integer.toString(s.step()), d));
                    if (s.bestScore() != null && !Objects.equals(s.bestScore(), best)) {
                        Map<String, Object> b = new LinkedHashMap<>();
                        b.put("score", s.bestScore());
                        b.put("programId", queries.programId(runId, s.bestSeq()));
                        sink.accept(new Event("best", Integer.toString(s.step()), b));
                    }
                    best = s.bestScore();
                }
                long total = evaluations;
                evaluations = 0;
                String end = switch (run.status()) {
                    case STOPPED -> "stopped";
                    case FINISHED, BUDGET_EXHAUSTED -> "finished";
                    case FAILED -> "failed";
                    case CREATED, RUNNING, STOPPING -> null;
                };
                if (end != null) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    if (run.message() != null) d.put("message", run.message());
                    d.put("step", lastStep);
                    d.put("evaluations", total);
                    d.put("best", best);
                    sink.accept(new Event(end, Integer.toString(lastStep), d));
                    close();
                    onEnd.run();
                }
            } catch (RuntimeException e) {
                Log.debugf("feed of run %d ends: %s", runId, e.toString());
                close();
                onEnd.run();
            }
        }

        @Override
        public void close() {
            closed = true;
            ScheduledFuture<?> t = task;
            if (t != null) t.cancel(false);
        }
    }

    /**
     * Follows a run from after step {@code afterStep} (null: from its latest committed step, so only new
     * steps come). {@code onEnd} runs once the run has ended (after its last event) or the sink failed.
     *
     * @throws NotFound for an unknown run
     */
    public Follower follow(long runId, Integer afterStep, Consumer<Event> sink, Runnable onEnd) {
        RunView run = store.run(runId);
        if (run == null) throw new NotFound("no run with id " + runId);
        int after = afterStep != null ? afterStep : store.committedSteps(runId);
        Follower f = new Follower(runId, after, sink, onEnd);
        f.task = timer.scheduleWithFixedDelay(f::tick, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        return f;
    }

    @PreDestroy
    void shutdown() {
        timer.shutdownNow();
    }
}
