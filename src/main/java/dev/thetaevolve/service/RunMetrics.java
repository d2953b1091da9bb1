package dev.thetaevolve.service;

import dev.thetaevolve.evolve.ChildRecord;
import dev.thetaevolve.evolve.ChildStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's meters (Prometheus at /q/metrics): {@code thetaevolve_evaluations_total},
 * {@code thetaevolve_children_total{status}} (errors by kind among them), {@code thetaevolve_step_seconds},
 * {@code thetaevolve_run_best_score{run}}, {@code thetaevolve_llm_tokens_total{type}} and
 * {@code thetaevolve_llm_requests_in_flight}. Thread-safe.
 */
@ApplicationScoped
public class RunMetrics {

    @Inject
    MeterRegistry registry;

    private Counter evaluations;
    private final Map<ChildStatus, Counter> children = new EnumMap<>(ChildStatus.class);
    private Timer stepTimer;
    private Counter promptTokens;
    private Counter completionTokens;
    private final AtomicLong llmInFlight = new AtomicLong();
    private final Map<String, double[]> best = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        evaluations = Counter.builder("thetaevolve.evaluations").description("Candidates that reached the evaluator").register(registry);
        for (ChildStatus s : ChildStatus.values()) {
            children.put(s, Counter.builder("thetaevolve.children").description("Children by outcome; every status but VALID is an error kind")
                    .tag("status", s.name()).register(registry));
        }
        stepTimer = Timer.builder("thetaevolve.step").description("Wall time of one step, commit included").register(registry);
        promptTokens = Counter.builder("thetaevolve.llm.tokens").tag("type", "prompt").description("LLM tokens sent").register(registry);
        completionTokens = Counter.builder("thetaevolve.llm.tokens").tag("type", "completion").description("LLM tokens generated").register(registry);
        Gauge.builder("thetaevolve.llm.requests.in.flight", llmInFlight, AtomicLong::get).description("LLM samples requested and not yet answered")
                .register(registry);
    }

    /** Counts one committed step's children. */
    public void onCommit(List<ChildRecord> committed) {
        for (ChildRecord c : committed) {
            children.get(c.status()).increment();
            if (c.status().evaluated()) evaluations.increment();
        }
    }

    public void onStep(long millis) {
        stepTimer.record(Duration.ofMillis(millis));
    }

    /** Publishes a run's best score under the tag {@code run=<name>}. */
    public void best(String run, Double score) {
        if (score == null) return;
        best.computeIfAbsent(run, r -> {
            double[] holder = {Double.NaN};
            Gauge.builder("thetaevolve.run.best.score", holder, h -> h[0]).tag("run", r).description("Best verified score of a run")
                    .register(registry);
            return holder;
        })[0] = score;
    }

    public void llmRequestStarted() {
        llmInFlight.incrementAndGet();
    }

    public void llmRequestEnded(int prompt, int completion) {
        llmInFlight.decrementAndGet();
        promptTokens.increment(prompt);
        completionTokens.increment(completion);
    }
}
