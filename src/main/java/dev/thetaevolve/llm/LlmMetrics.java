package dev.thetaevolve.llm;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of one {@link SamplingClient}, plain objects a service can bind to Micrometer gauges and
 * counters (read {@link #snapshot()} or the accessors). Thread-safe, lock-free.
 */
public final class LlmMetrics {
    private final LongAdder requests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final Map<FailureCause, LongAdder> failures = new EnumMap<>(FailureCause.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder reasoningTokens = new LongAdder();
    private final LongAdder answerTokens = new LongAdder();
    private final DoubleAdder cost = new DoubleAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final Map<String, Apply> applyByModel = new ConcurrentHashMap<>();

    public LlmMetrics() {
        for (FailureCause f : FailureCause.values()) failures.put(f, new LongAdder());
    }

    void started() {
        requests.increment();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void finished(long nanos) {
        inFlight.decrementAndGet();
        latencyNanos.add(nanos);
    }

    void succeeded(long prompt, long reasoning, long answer, double callCost) {
        succeeded.increment();
        promptTokens.add(prompt);
        reasoningTokens.add(reasoning);
        answerTokens.add(answer);
        cost.add(callCost);
    }

    void retried() {
        retries.increment();
    }

    void failed(FailureCause cause) {
        failures.get(cause).increment();
    }

    void cancelled() {
        cancelled.increment();
    }

    /**
     * The engine reports whether a sample of {@code model} gave an applicable edit (a matching
     * SEARCH/REPLACE block or a full rewrite): small models break the format, so meter it per model.
     */
    public void recordApply(String model, boolean applied) {
        Apply a = applyByModel.computeIfAbsent(model, m -> new Apply());
        a.total.increment();
        if (!applied) a.failed.increment();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public long requests() {
        return requests.sum();
    }

    public long retries() {
        return retries.sum();
    }

    public long failures(FailureCause cause) {
        return failures.get(cause).sum();
    }

    public Snapshot snapshot() {
        Map<FailureCause, Long> f = new EnumMap<>(FailureCause.class);
        failures.forEach((k, v) -> f.put(k, v.sum()));
        Map<String, ApplyStats> a = new TreeMap<>();
        applyByModel.forEach((k, v) -> a.put(k, new ApplyStats(v.total.sum(), v.failed.sum())));
        return new Snapshot(requests.sum(), retries.sum(), succeeded.sum(), cancelled.sum(), f, inFlight.get(),
                maxInFlight.get(), promptTokens.sum(), reasoningTokens.sum(), answerTokens.sum(), cost.sum(),
                latencyNanos.sum(), a);
    }

    private static final class Apply {
        final LongAdder total = new LongAdder();
        final LongAdder failed = new LongAdder();
    }

    /** Samples of one model and how many gave no applicable edit. */
    public record ApplyStats(long samples, long failed) {
        public double failureRate() {
            return samples == 0 ? 0 : (double) failed / samples;
        }
    }

    /**
     * @param requests     HTTP attempts sent (retries included)
     * @param latencyNanos summed wall time of all attempts
     */
    public record Snapshot(long requests, long retries, long succeeded, long cancelled, Map<FailureCause, Long> failures,
                           int inFlight, int maxInFlight, long promptTokens, long reasoningTokens, long answerTokens,
                           double cost, long latencyNanos, Map<String, ApplyStats> applyByModel) {
        public long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
