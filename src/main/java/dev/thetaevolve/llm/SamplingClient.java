package dev.thetaevolve.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The scheduler between the mutator and the inference servers.
 *
 * <p><b>How it works.</b> {@link #submit} queues a call and returns its future at once; it never blocks.
 * A semaphore of {@code maxInFlight} permits gates dispatch: whoever queues a call or finishes an attempt
 * drains the queue while permits last, so at most {@code maxInFlight} HTTP exchanges are open at any
 * instant, over all endpoints. Each attempt picks an endpoint (by weight or UCB), carries a timer that
 * aborts the exchange after {@code requestTimeout}, and on 429, 5xx or a connection error goes back to
 * the head of the queue after a jittered exponential backoff, up to {@code maxAttempts}. Every call
 * belongs to a {@link SamplingScope} (a step): cancelling the scope fails its queued calls and aborts its
 * open exchanges, and a cancelled future aborts its own exchange too. Successful calls are charged to the
 * {@link Budget}; once it is spent, calls fail with {@link BudgetExhaustedException} instead of going out.
 * A 429 or 503 with {@code Retry-After} is retried after the wait the server asked for (capped by
 * {@code maxRetryWait}) instead of the backoff. After {@code maxConsecutiveFailures} calls in a row have
 * failed for good, the client gives up: {@link #fatalFailure()} says why and every further call fails at
 * once with it, so a run against a dead server ends instead of spinning. {@link #useModel} switches the
 * model an endpoint is asked for (a LoRA adapter the trainer bridge just loaded).
 *
 * <p>Thread-safe. Futures complete on the HTTP client's threads or the internal timer thread: callers
 * should hand heavy work to their own executor. Nothing here logs a key: endpoints print it redacted.
 */
public final class SamplingClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SamplingClient.class.getName());

    private final LlmSettings settings;
    private final Map<String, LlmClient> clients = new LinkedHashMap<>();
    private final EndpointSelector selector;
    private final TokenCounter counter;
    private final RandomGenerator random;
    private final ScheduledThreadPoolExecutor timer;
    private final Semaphore permits;
    private final Deque<Task> pending = new ConcurrentLinkedDeque<>();
    private final Set<Task> live = ConcurrentHashMap.newKeySet();
    private final LlmMetrics metrics = new LlmMetrics();
    private final Budget budget;
    /** Endpoints whose model was switched ({@link #useModel}), by endpoint name. */
    private final Map<String, LlmEndpoint> switched = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger consecutiveFailures = new java.util.concurrent.atomic.AtomicInteger();
    private volatile LlmException fatal;
    private volatile boolean closed;

    /**
     * @param clientFactory one {@link LlmClient} per endpoint (the JDK client, the Quarkus REST adapter, a fake)
     * @param counter       counts reasoning and answer tokens of each choice
     * @param random        jitter and weighted choice
     */
    public SamplingClient(LlmSettings settings, Function<LlmEndpoint, LlmClient> clientFactory, TokenCounter counter,
                          RandomGenerator random) {
        this.settings = settings;
        for (LlmEndpoint e : settings.endpoints()) clients.put(e.name(), clientFactory.apply(e));
        this.selector = settings.selection() == LlmSettings.Selection.UCB
                ? new UcbSelector(settings.endpoints(), settings.ucbExploration())
                : new WeightedSelector(settings.endpoints(), random);
        this.counter = counter;
        this.random = random;
        this.permits = new Semaphore(settings.maxInFlight());
        this.budget = new Budget(settings.tokenBudget(), settings.costBudget());
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "llm-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** The plain-Java client: the JDK HTTP client per endpoint, the configured tokenizer or the estimate. */
    public static SamplingClient create(LlmSettings settings) {
        return new SamplingClient(settings, e -> new HttpLlmClient(e.baseUrl(), e.apiKey()),
                TokenCounter.open(settings.tokenizer()), new SplittableRandom());
    }

    /** A new scope, typically one per step; cancel it at the step's end. */
    public SamplingScope openScope() {
        return new SamplingScope(this);
    }

    /**
     * Queues a call. The future completes with the {@link Completion}, fails with an {@link LlmException}
     * (cause after retries; {@link BudgetExhaustedException} once the budget is spent), or is cancelled with
     * its scope. Cancelling it aborts its exchange.
     */
    public CompletableFuture<Completion> submit(SamplingScope scope, LlmCall call) {
        if (scope.owner() != this) throw new IllegalArgumentException("scope belongs to another sampling client");
        Task t = new Task(scope, call);
        live.add(t);
        scope.add(t);
        t.result.whenComplete((r, e) -> {
            live.remove(t);
            scope.remove(t);
            if (t.result.isCancelled()) {
                metrics.cancelled();
                CompletableFuture<LlmResponse> x = t.exchange;
                if (x != null) x.cancel(true);
            }
        });
        if (closed || scope.isCancelled()) {
            t.result.cancel(false);
            return t.result;
        }
        pending.addLast(t);
        drain();
        return t.result;
    }

    private void drain() {
        while (!pending.isEmpty() && permits.tryAcquire()) {
            Task t = pending.pollFirst();
            if (t == null || t.result.isDone() || t.scope.isCancelled()) {
                // a scope being cancelled frees permits while it cancels: its queued calls must not start
                permits.release();
                if (t != null) t.result.cancel(false);
                continue;
            }
            LlmException gaveUp = fatal;
            if (gaveUp != null) {
                permits.release();
                metrics.failed(gaveUp.failure());
                t.result.completeExceptionally(gaveUp);
                continue;
            }
            Optional<String> spent = budget.exhaustedReason();
            if (spent.isPresent()) {
                permits.release();
                metrics.failed(FailureCause.BUDGET_EXHAUSTED);
                t.result.completeExceptionally(new BudgetExhaustedException(spent.get()));
                continue;
            }
            start(t);
        }
    }

    private void start(Task t) {
        LlmEndpoint picked = selector.pick();
        LlmEndpoint endpoint = switched.getOrDefault(picked.name(), picked);
        LlmClient client = clients.get(endpoint.name());
        t.attempts++;
        metrics.started();
        long t0 = System.nanoTime();
        CompletableFuture<LlmResponse> exchange;
        try {
            exchange = endpoint.api() == LlmEndpoint.Api.CHAT
                    ? client.chat(new ChatRequest(endpoint.model(), t.call.messages(), t.call.params()))
                    : client.complete(new CompletionRequest(endpoint.model(), t.call.asPrompt(), t.call.params()));
        } catch (RuntimeException e) {
            exchange = CompletableFuture.failedFuture(e);
        }
        t.exchange = exchange;
        if (t.result.isDone()) exchange.cancel(true); // cancelled while we were sending
        AtomicBoolean timedOut = new AtomicBoolean();
        CompletableFuture<LlmResponse> x = exchange;
        var timeout = timer.schedule(() -> {
            timedOut.set(true);
            x.cancel(true);
        }, settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        x.whenComplete((response, error) -> {
            timeout.cancel(false);
            long nanos = System.nanoTime() - t0;
            metrics.finished(nanos);
            permits.release();
            try {
                settle(t, endpoint, response, error, timedOut.get(), nanos);
            } catch (RuntimeException e) {
                t.result.completeExceptionally(e);
            } finally {
                drain();
            }
        });
    }

    private void settle(Task t, LlmEndpoint endpoint, LlmResponse response, Throwable error, boolean timedOut, long nanos) {
        if (error == null) {
            t.result.complete(account(t, endpoint, response, nanos));
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException && !timedOut) {
            t.result.cancel(false);
            return;
        }
        LlmException failure = timedOut
                ? new LlmException(FailureCause.TIMEOUT, "no answer from " + endpoint.name() + " within "
                        + settings.requestTimeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT) + " (--llm-timeout)")
                : cause instanceof LlmException l ? l
                : new LlmException(FailureCause.CONNECTION, 0, cause.toString(), cause);
        if (failure.status() == 400 && t.call.params().n() > 1) {
            failure = failure.withHint("the request asked for n = " + t.call.params().n()
                    + " samples; if the server does not support n, use --llm-no-n (one request per sample)");
        }
        if (failure.failure().retryable() && t.attempts < settings.maxAttempts() && !t.result.isDone() && !closed) {
            metrics.retried();
            long delay = failure.retryAfter() != null
                    ? Math.min(failure.retryAfter().toNanos(), settings.maxRetryWait().toNanos())
                    : backoffNanos(t.attempts);
            LlmException f = failure;
            LOG.log(Level.FINE, () -> "retry " + t.attempts + " of " + endpoint.name() + " in " + delay / 1_000_000 + " ms: " + f.getMessage());
            timer.schedule(() -> {
                pending.addFirst(t);
                drain();
            }, delay, TimeUnit.NANOSECONDS);
            return;
        }
        metrics.failed(failure.failure());
        LlmException f = failure;
        LOG.log(Level.FINE, () -> "llm request to " + endpoint.name() + " failed after " + t.attempts + " attempt(s): " + f.getMessage());
        int inARow = consecutiveFailures.incrementAndGet();
        int limit = settings.maxConsecutiveFailures();
        if (limit > 0 && inARow >= limit && fatal == null) {
            fatal = new LlmException(failure.failure(), failure.status(), "gave up after " + inARow
                    + " failed requests in a row (--llm-max-failures " + limit + "); the last: " + failure.getMessage(), null);
            LOG.warning(fatal.getMessage());
        }
        t.result.completeExceptionally(failure);
    }

    /**
     * Why the client gave up ({@code maxConsecutiveFailures} failed calls in a row); null while it has not.
     * Every call made after it fails at once with this failure.
     */
    public LlmException fatalFailure() {
        return fatal;
    }

    /**
     * From now on, asks the endpoints served by {@code server} (same host and port) for {@code model}
     * instead of their configured one; when no endpoint is on that server, every endpoint switches (the
     * reload server is then reached by another name, as with a Kubernetes Service). Calls already sent
     * keep their model.
     *
     * @return the names of the endpoints switched
     */
    public List<String> useModel(java.net.URI server, String model) {
        List<LlmEndpoint> matching = new ArrayList<>();
        for (LlmEndpoint e : settings.endpoints()) {
            if (server != null && sameServer(e.baseUrl(), server)) matching.add(e);
        }
        if (matching.isEmpty()) matching.addAll(settings.endpoints());
        List<String> names = new ArrayList<>();
        for (LlmEndpoint e : matching) {
            switched.put(e.name(), e.withModel(model));
            names.add(e.name());
        }
        return names;
    }

    /** The model each endpoint is asked for now, by endpoint name. */
    public Map<String, String> models() {
        Map<String, String> out = new LinkedHashMap<>();
        for (LlmEndpoint e : settings.endpoints()) out.put(e.name(), switched.getOrDefault(e.name(), e).model());
        return out;
    }

    private static boolean sameServer(java.net.URI a, java.net.URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(java.net.URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    /** base · 2^(attempt−1), capped, with equal jitter: half fixed, half uniform, so retries spread out. */
    private long backoffNanos(int attempt) {
        long base = settings.backoffBase().toNanos();
        long cap = settings.backoffMax().toNanos();
        long d = Math.min(cap, base << Math.min(30, attempt - 1));
        double u;
        synchronized (random) {
            u = random.nextDouble();
        }
        return d / 2 + (long) (u * (d / 2.0));
    }

    private Completion account(Task t, LlmEndpoint endpoint, LlmResponse response, long nanos) {
        List<Completion.ChoiceTokens> perChoice = new ArrayList<>(response.choices().size());
        int reasoningCounted = 0, answerCounted = 0;
        for (LlmResponse.Choice c : response.choices()) {
            Reasoning split = Reasoning.split(c.text());
            int r = counter.count(split.reasoning()) + (c.reasoning() == null ? 0 : counter.count(c.reasoning()));
            int a = counter.count(split.answer());
            perChoice.add(new Completion.ChoiceTokens(r, a));
            reasoningCounted += r;
            answerCounted += a;
        }
        LlmResponse.Usage usage = response.usage();
        int prompt = usage != null ? usage.promptTokens() : counter.count(t.call.asPrompt());
        int completion = usage != null ? usage.completionTokens() : reasoningCounted + answerCounted;
        int reasoning = usage != null && usage.reasoningTokens() != null ? usage.reasoningTokens() : Math.min(reasoningCounted, completion);
        double cost = endpoint.cost(prompt, completion);
        budget.charge((long) prompt + completion, cost);
        consecutiveFailures.set(0);
        metrics.succeeded(prompt, reasoning, completion - reasoning, cost);
        return new Completion(endpoint, response, perChoice, prompt, completion, reasoning, cost, t.attempts, Duration.ofNanos(nanos));
    }

    /** The engine's reward for a sample, so a UCB selection learns which endpoint pays off per token. */
    public void reportReward(String endpointName, double reward, long tokens) {
        selector.reward(endpointName, reward, tokens);
    }

    public LlmMetrics metrics() {
        return metrics;
    }

    /** The run's budget: {@code budget().exhausted()} tells the engine to stop and mark the run. */
    public Budget budget() {
        return budget;
    }

    public LlmSettings settings() {
        return settings;
    }

    public TokenCounter tokenCounter() {
        return counter;
    }

    /** Cancels every outstanding call and releases the HTTP clients. */
    @Override
    public void close() {
        closed = true;
        for (Task t : live) t.result.cancel(false);
        timer.shutdownNow();
        for (LlmClient c : clients.values()) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing an llm client failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "SamplingClient[" + settings.endpoints() + ", maxInFlight=" + settings.maxInFlight() + "]";
    }

    /** One queued call and its attempts; the scope and the client both hold it until it completes. */
    static final class Task {
        final SamplingScope scope;
        final LlmCall call;
        final CompletableFuture<Completion> result = new CompletableFuture<>();
        volatile int attempts;
        volatile CompletableFuture<LlmResponse> exchange;

        Task(SamplingScope scope, LlmCall call) {
            this.scope = scope;
            this.call = call;
        }
    }
}
