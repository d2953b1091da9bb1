package dev.thetaevolve.evaluate;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.Verification;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandboxed evaluator: a fixed pool of long-lived worker JVMs, one candidate at a time each.
 *
 * <h2>Design</h2>
 * <p><b>Nothing a candidate wrote runs in this JVM.</b> A worker ({@link WorkerMain}) is a child JVM started
 * with {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx -Xss -XX:+ExitOnOutOfMemoryError}, an
 * environment cleared down to {@code TMPDIR}, and a private temp directory as working directory,
 * {@code java.io.tmpdir} and {@code user.home} (deleted when the worker goes). Compilation happens in the
 * worker too (Janino first, javac second, see {@link CandidateCompiler}), so the compilers' memory never
 * lands in the service. Every produced class passes the {@link BytecodeScanner} against the
 * {@link AllowList} before it is defined, in a fresh loader whose parent hides all but allowed classes.
 *
 * <p><b>How a runaway candidate is killed.</b> Inside a JVM nothing stops a busy loop (Thread.stop is gone,
 * interrupts are ignored), so the process is the unit of control. For each evaluation this class, not the
 * worker, owns the clock: one slot thread per worker sends the request, then arms a watchdog for the
 * compile limit ({@link Config#compileTimeoutMillis}); when the worker's COMPILED frame arrives it re-arms
 * it for the problem's {@code timeLimitMillis}, which covers class initialisation and {@code solve()}. If the
 * watchdog fires it kills the worker's whole process tree ({@link ProcessHandle#descendants} then
 * {@code destroyForcibly}), which also unblocks the slot's read; the verdict is TIMEOUT (a compile that
 * never ends too: its source is remembered by hash and answered TIMEOUT at once when it comes again). A
 * worker that dies any other way is diagnosed from its exit status: 3 (ExitOnOutOfMemoryError) is MEMORY,
 * anything else RUNTIME with the tail of its stderr. In every case the
 * slot swaps in a warm spare started in the background beforehand, so respawn cost is hidden, and starts
 * the next spare: the pool never shrinks. A worker that answered but may carry something of the candidate's
 * (a thread still running, a changed default, a stack overflow that may have struck a library class's
 * initializer; see {@link WorkerState}) says so in its answer and exits; it is replaced the same way.
 *
 * <p><b>Results and verification.</b> A worker returns only plain numbers in one of six array types, capped
 * in element count and bytes ({@link WorkerProtocol}); anything else is INVALID_OUTPUT naming what it got.
 * Verifiers are trusted code, so they run here, in the service, on those raw numbers: the candidate can
 * neither see nor influence them, and the score is always recomputed, never taken from the candidate.
 *
 * <p>Thread-safe. {@link #submit} never blocks; tasks queue until a slot is free.
 */
public final class WorkerPoolEvaluator implements Evaluator {

    /**
     * Validated settings; build with {@link #builder()}.
     *
     * @param workers              worker JVMs evaluating in parallel
     * @param spares               warm workers kept ready to replace a killed one
     * @param heapMb               -Xmx of each worker
     * @param stackKb              -Xss of each worker
     * @param maxOutputElements    cap on numbers (plus rows) in one result
     * @param maxOutputBytes       cap on the encoded size of one result
     * @param compileTimeoutMillis wall-clock limit for compile + scan
     * @param startupTimeoutMillis wall-clock limit for a worker to start and warm up
     * @param maxSourceChars       longer sources are refused without compiling
     * @param javaExecutable       the java launcher for workers
     * @param classpath            the workers' class path
     */
    public record Config(int workers, int spares, int heapMb, int stackKb, long maxOutputElements, long maxOutputBytes,
                         long compileTimeoutMillis, long startupTimeoutMillis, int maxSourceChars, Path javaExecutable,
                         List<Path> classpath) {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a pool; every setter's value is checked in {@link #build()}. */
    public static final class Builder {
        private int workers = Runtime.getRuntime().availableProcessors();
        private int spares = 1;
        private int heapMb = 512;
        private int stackKb = 1024;
        private long maxOutputElements = 1_000_000;
        private long maxOutputBytes = 16L << 20;
        private long compileTimeoutMillis = 20_000;
        private long startupTimeoutMillis = 30_000;
        private int maxSourceChars = 1_000_000;
        private Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
        private List<Path> classpath;

        private Builder() {
        }

        public Builder workers(int n) { workers = n; return this; }
        public Builder spares(int n) { spares = n; return this; }
        public Builder heapMb(int mb) { heapMb = mb; return this; }
        public Builder stackKb(int kb) { stackKb = kb; return this; }
        public Builder maxOutputElements(long n) { maxOutputElements = n; return this; }
        public Builder maxOutputBytes(long n) { maxOutputBytes = n; return this; }
        public Builder compileTimeoutMillis(long ms) { compileTimeoutMillis = ms; return this; }
        public Builder startupTimeoutMillis(long ms) { startupTimeoutMillis = ms; return this; }
        public Builder maxSourceChars(int n) { maxSourceChars = n; return this; }
        public Builder javaExecutable(Path java) { javaExecutable = java; return this; }
        /** Overrides the computed worker class path (jars or class directories). */
        public Builder classpath(List<Path> entries) { classpath = entries == null ? null : List.copyOf(entries); return this; }

        Config config() {
            check("workers", workers, 1, 512);
            check("spares", spares, 0, 16);
            check("heapMb", heapMb, 64, 1 << 20);
            check("stackKb", stackKb, 256, 1 << 20);
            check("maxOutputElements", maxOutputElements, 1, Integer.MAX_VALUE);
            check("maxOutputBytes", maxOutputBytes, 1024, 1L << 30);
            check("compileTimeoutMillis", compileTimeoutMillis, 100, 3_600_000);
            check("startupTimeoutMillis", startupTimeoutMillis, 1000, 3_600_000);
            check("maxSourceChars", maxSourceChars, 1, 64 << 20);
            if (javaExecutable == null || !Files.isExecutable(javaExecutable)) {
                throw new IllegalArgumentException("javaExecutable must be an executable file, got '" + javaExecutable + "'");
            }
            List<Path> cp = classpath != null ? classpath : WorkerClasspath.compute();
            if (cp.isEmpty()) throw new IllegalArgumentException("classpath must not be empty");
            for (Path p : cp) {
                if (!Files.exists(p)) throw new IllegalArgumentException("classpath entry does not exist: '" + p + "'");
            }
            return new Config(workers, spares, heapMb, stackKb, maxOutputElements, maxOutputBytes, compileTimeoutMillis,
                    startupTimeoutMillis, maxSourceChars, javaExecutable, cp);
        }

        /** Starts the pool; workers warm up in the background. */
        public WorkerPoolEvaluator build() {
            return new WorkerPoolEvaluator(config());
        }

        private static void check(String option, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got '" + value + "'");
            }
        }
    }

    private record Task(EvalRequest request, CompletableFuture<Verdict> future) {
        Problem problem() {
            return request.problem();
        }
    }

    private final Config config;
    private final String classpath;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final BlockingQueue<WorkerProcess> spareQueue = new LinkedBlockingQueue<>();
    private final AtomicInteger sparesPending = new AtomicInteger();
    private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();
    private final List<Thread> slots = new ArrayList<>();
    private final ScheduledExecutorService watchdog;
    private final ExecutorService spawner;
    private final AtomicLong replacements = new AtomicLong();
    private final AtomicLong recycled = new AtomicLong();
    private volatile String lastRecycleReason;
    /** Sources (by SHA-256 with their return type) whose compile ran past the limit: answered TIMEOUT without compiling again. */
    private final Map<String, Boolean> compileTimeouts = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
            return size() > 4096;
        }
    });
    private final AtomicLong lastStartMillis = new AtomicLong(-1);
    private volatile boolean closed;

    private WorkerPoolEvaluator(Config config) {
        this.config = config;
        this.classpath = WorkerClasspath.join(config.classpath());
        this.watchdog = Executors.newScheduledThreadPool(1, daemon("eval-watchdog"));
        this.spawner = Executors.newCachedThreadPool(daemon("eval-spawner"));
        for (int i = 0; i < config.workers(); i++) {
            Thread t = daemon("eval-slot-" + i).newThread(new Slot()::loop);
            slots.add(t);
            t.start();
        }
        topUpSpares();
    }

    public Config config() {
        return config;
    }

    @Override
    public CompletableFuture<Verdict> submit(String source, Problem problem, double tolerance) {
        Objects.requireNonNull(problem, "problem");
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number >= 0, got '" + tolerance + "'");
        }
        return submit(EvalRequest.construct(source, problem, tolerance));
    }

    /** Construct or search mode; search needs the problem's verifier source ({@link Problem#verifierSource()}). */
    @Override
    public CompletableFuture<Verdict> submit(EvalRequest request) {
        Objects.requireNonNull(request, "request");
        String source = request.source();
        CompletableFuture<Verdict> f = new CompletableFuture<>();
        String refusal = refuseSource(source);
        if (refusal != null) {
            f.complete(Verdict.failed(ErrorKind.COMPILE, refusal, null, 0, 0));
        } else if (closed) {
            f.complete(Verdict.failed(ErrorKind.INTERNAL, "the evaluator is closed", null, 0, 0));
        } else {
            queue.add(new Task(request, f));
            if (closed) drainQueue();
        }
        return f;
    }

    private String refuseSource(String source) {
        if (source == null || source.isBlank()) return "the source is empty; send one Java compilation unit with a public class and `public static T solve()`";
        if (source.length() > config.maxSourceChars()) {
            return "the source is " + source.length() + " characters long; the limit is " + config.maxSourceChars();
        }
        return null;
    }

    /** Workers replaced so far (killed on timeout, died, or failed to answer). */
    long replacements() {
        return replacements.get();
    }

    /** Workers that answered and then left because the evaluation changed their process-wide state (counted in replacements too). */
    long recycled() {
        return recycled.get();
    }

    /** Why the latest recycled worker left, or null. */
    String lastRecycleReason() {
        return lastRecycleReason;
    }

    /** Milliseconds the latest worker took from process start to HELLO. */
    long lastStartMillis() {
        return lastStartMillis.get();
    }

    /** Starts a worker outside the pool, asks what it sees (environment, temp dir), and kills it. */
    Map<String, String> probeFreshWorker() throws IOException {
        WorkerProcess w = startReady();
        try {
            w.send(WorkerProtocol.probeRequest());
            DataInputStream f = w.receive(1 << 20);
            if (f.readByte() != WorkerProtocol.PROBED) throw new IOException("unexpected answer to PROBE");
            return WorkerProtocol.readMap(f);
        } finally {
            live.remove(w);
            w.kill();
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        drainQueue();
        for (Thread t : slots) t.interrupt();
        for (WorkerProcess w : live) w.kill();
        spareQueue.forEach(WorkerProcess::kill);
        for (Thread t : slots) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        spawner.shutdownNow();
        watchdog.shutdownNow();
        for (WorkerProcess w : live) w.kill(); // any a spawner finished meanwhile
        drainQueue();
    }

    private void drainQueue() {
        Task t;
        while ((t = queue.poll()) != null) t.future.complete(Verdict.failed(ErrorKind.INTERNAL, "the evaluator is closed", null, 0, 0));
    }

    // ---- workers

    private WorkerProcess startReady() throws IOException {
        WorkerProcess w = WorkerProcess.start(config, classpath);
        live.add(w);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> guard = watchdog.schedule(() -> {
            timedOut.set(true);
            w.kill();
        }, config.startupTimeoutMillis(), TimeUnit.MILLISECONDS);
        try {
            w.awaitHello();
            guard.cancel(false);
            lastStartMillis.set((w.readyNanos - w.startedNanos) / 1_000_000);
            if (closed) throw new IOException("the evaluator is closed");
            return w;
        } catch (IOException e) {
            guard.cancel(false);
            live.remove(w);
            w.kill();
            String why = timedOut.get() ? "did not start within " + config.startupTimeoutMillis() + " ms" : e.getMessage();
            throw new IOException("a worker JVM failed to start: " + why + tail(w), e);
        }
    }

    /** A ready spare if there is one, else a freshly started worker; always tops the spares up again. */
    private WorkerProcess takeWorker() throws IOException {
        WorkerProcess w;
        while ((w = spareQueue.poll()) != null && !w.alive()) {
            live.remove(w);
            w.kill();
        }
        topUpSpares();
        return w != null ? w : startReady();
    }

    private void topUpSpares() {
        while (!closed && spareQueue.size() + sparesPending.get() < config.spares()) {
            sparesPending.incrementAndGet();
            try {
                spawner.execute(() -> {
                    try {
                        WorkerProcess w = startReady();
                        if (closed) {
                            live.remove(w);
                            w.kill();
                        } else {
                            spareQueue.add(w);
                        }
                    } catch (IOException e) {
                        // the next takeWorker() starts one synchronously and reports any failure there
                    } finally {
                        sparesPending.decrementAndGet();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                sparesPending.decrementAndGet();
                return;
            }
        }
    }

    private void retire(WorkerProcess w) {
        live.remove(w);
        w.kill();
        replacements.incrementAndGet();
    }

    private static String tail(WorkerProcess w) {
        String t = w.stderrTail();
        return t.isEmpty() ? "" : " (worker stderr: " + t + ")";
    }

    // ---- one slot = one worker at a time

    private enum Phase { COMPILE, RUN }

    private final class Slot {
        private WorkerProcess worker;

        void loop() {
            try {
                worker = startReady();
            } catch (IOException e) {
                worker = null; // retried on the first task, where the failure becomes a verdict
            }
            while (!closed) {
                Task t;
                try {
                    t = queue.take();
                } catch (InterruptedException e) {
                    break;
                }
                Verdict v;
                try {
                    v = closed ? closedVerdict() : evaluate(t);
                } catch (RuntimeException | Error e) {
                    v = Verdict.failed(ErrorKind.INTERNAL, "the evaluator failed: " + e, null, 0, 0);
                }
                t.future.complete(v);
            }
            if (worker != null) {
                live.remove(worker);
                worker.kill();
            }
        }

        private Verdict closedVerdict() {
            return Verdict.failed(ErrorKind.INTERNAL, "the evaluator is closed", null, 0, 0);
        }

        private Verdict evaluate(Task t) {
            if (!compileTimeouts.isEmpty() && compileTimeouts.containsKey(sourceKey(t))) return compileTimeout(true);
            byte[] request;
            try {
                request = t.request.mode() == dev.thetaevolve.problem.Mode.SEARCH
                        ? WorkerProtocol.searchRequest(t.request, config.maxOutputElements(), config.maxOutputBytes())
                        : WorkerProtocol.evalRequest(t.request.source(), t.problem().spec().returnType().javaName(),
                        config.maxOutputElements(), config.maxOutputBytes());
            } catch (IOException e) {
                return Verdict.failed(ErrorKind.INTERNAL, "cannot encode the request: " + e, null, 0, 0);
            }
            // a worker found dead before we sent anything is not the candidate's fault: one fresh try
            for (int attempt = 0; ; attempt++) {
                try {
                    if (worker == null || !worker.alive()) {
                        if (worker != null) retire(worker);
                        worker = takeWorker();
                    }
                    worker.send(request);
                    break;
                } catch (IOException e) {
                    if (worker != null) retire(worker);
                    worker = null;
                    if (closed) return closedVerdict();
                    if (attempt == 1) return Verdict.failed(ErrorKind.INTERNAL, "no worker JVM available: " + e.getMessage(), null, 0, 0);
                }
            }
            return exchange(t, worker);
        }

        private Verdict exchange(Task t, WorkerProcess w) {
            AtomicBoolean killed = new AtomicBoolean();
            Phase phase = Phase.COMPILE;
            ScheduledFuture<?> guard = arm(w, killed, config.compileTimeoutMillis());
            Tier tier = null;
            long compileMillis = 0;
            try {
                DataInputStream c = w.receive(1 << 20);
                guard.cancel(false);
                if (c.readByte() != WorkerProtocol.COMPILED) throw new IOException("protocol: expected COMPILED");
                ErrorKind compileError = WorkerProtocol.kind(c.readByte());
                tier = WorkerProtocol.tier(c.readByte());
                compileMillis = Math.round(c.readLong() / 1e6);
                c.readBoolean();
                String message = WorkerProtocol.readString(c);
                boolean compileRecycle = c.readBoolean();
                if (compileError != null) {
                    if (compileRecycle) replaceAfterAnswer(w);
                    return afterKillCheck(w, killed, Verdict.failed(compileError, message, tier, compileMillis, 0));
                }

                phase = Phase.RUN;
                long limit = t.request.hardLimitMillis();
                guard = arm(w, killed, limit);
                DataInputStream r = w.receive(config.maxOutputBytes() + (1 << 20));
                guard.cancel(false);
                if (r.readByte() != WorkerProtocol.RESULT) throw new IOException("protocol: expected RESULT");
                ErrorKind runError = WorkerProtocol.kind(r.readByte());
                long runMillis = Math.round(r.readLong() / 1e6);
                String runMessage = WorkerProtocol.readString(r);
                Object output = WorkerProtocol.readOutput(r);
                Map<String, Double> searchFigures = t.request.mode() == dev.thetaevolve.problem.Mode.SEARCH ? WorkerSearch.readOutcome(r) : Map.of();
                if (r.readBoolean()) { // it may carry state of this candidate's and exits: the next task gets a spare
                    lastRecycleReason = WorkerProtocol.readString(r);
                    replaceAfterAnswer(w);
                }
                if (runError != null) return afterKillCheck(w, killed, Verdict.failed(runError, runMessage, tier, compileMillis, runMillis));
                return afterKillCheck(w, killed, verify(t, output, tier, compileMillis, runMillis, searchFigures));
            } catch (IOException e) {
                guard.cancel(false);
                return died(w, killed.get(), phase, t, tier, compileMillis, e);
            }
        }

        private ScheduledFuture<?> arm(WorkerProcess w, AtomicBoolean killed, long millis) {
            return watchdog.schedule(() -> {
                killed.set(true);
                w.kill();
            }, millis, TimeUnit.MILLISECONDS);
        }

        /** The worker answered and then exits on its own (see {@link WorkerMain}): retire it now. */
        private void replaceAfterAnswer(WorkerProcess w) {
            recycled.incrementAndGet();
            retire(w);
            worker = null;
        }

        /** The answer beat the watchdog by a hair: keep it, but the worker is gone. */
        private Verdict afterKillCheck(WorkerProcess w, AtomicBoolean killed, Verdict v) {
            if (killed.get()) {
                retire(w);
                worker = null;
            }
            return v;
        }

        private Verdict died(WorkerProcess w, boolean killedByWatchdog, Phase phase, Task t, Tier tier, long compileMillis, IOException e) {
            Integer exit = w.exitCode(2_000);
            String stderr = tail(w);
            retire(w);
            worker = null;
            if (closed) return closedVerdict();
            long limit = t.request.hardLimitMillis();
            if (killedByWatchdog && phase == Phase.COMPILE) {
                compileTimeouts.put(sourceKey(t), Boolean.TRUE);
                return compileTimeout(false);
            }
            if (killedByWatchdog) {
                String what = t.request.mode() == dev.thetaevolve.problem.Mode.SEARCH
                        ? "the search did not return within " + limit + " ms (budget " + t.request.budgetMillis() + " ms plus grace): a candidate method ignored deadlineNanos"
                        : "solve() did not return within " + limit + " ms";
                return Verdict.failed(ErrorKind.TIMEOUT, what + "; its worker was killed", tier, compileMillis, limit);
            }
            String during = phase == Phase.COMPILE ? "compiling" : "running solve()";
            if (exit != null && exit == WorkerProcess.OUT_OF_MEMORY_EXIT) {
                return Verdict.failed(ErrorKind.MEMORY, during + " exhausted the " + config.heapMb() + " MB worker heap", tier, compileMillis, 0);
            }
            if (exit == null) {
                return Verdict.failed(ErrorKind.INTERNAL, "lost contact with the worker while " + during + ": " + e.getMessage() + stderr, tier, compileMillis, 0);
            }
            return Verdict.failed(ErrorKind.RUNTIME, "the worker JVM died (exit status " + exit + ") while " + during + stderr, tier, compileMillis, 0);
        }
    }

    private Verdict compileTimeout(boolean before) {
        return Verdict.failed(ErrorKind.TIMEOUT, "compiling did not finish within " + config.compileTimeoutMillis() + " ms"
                + (before ? " when this source was submitted before; it is not compiled again" : "; its worker was killed"), null, 0, 0);
    }

    private static String sourceKey(Task t) {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            d.update((t.request.mode() + " " + t.problem().spec().returnType().javaName()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(t.request.source().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Verdict verify(Task t, Object output, Tier tier, long compileMillis, long runMillis, Map<String, Double> searchFigures) {
        Verification v;
        try {
            v = t.problem().verify(output, t.request.tolerance());
        } catch (dev.thetaevolve.problem.VerifierCrash e) {
            return Verdict.failed(ErrorKind.INTERNAL, e.getMessage(), tier, compileMillis, runMillis);
        }
        Map<String, Double> metrics = v.metrics();
        if (!searchFigures.isEmpty()) {
            metrics = new java.util.LinkedHashMap<>(v.metrics());
            metrics.putAll(searchFigures);
        }
        if (v.valid() && Double.isFinite(v.score())) {
            return new Verdict(true, v.score(), metrics, null, tier, compileMillis, runMillis, output, v.strictScore());
        }
        String reason = v.valid() ? "the verifier produced a non-finite score " + v.score() : v.reason();
        return new Verdict(false, null, metrics, new EvalError(ErrorKind.INVALID_OUTPUT, reason), tier, compileMillis, runMillis, output, null);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name.endsWith("-") || name.matches(".*-\\d+$") ? name : name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
