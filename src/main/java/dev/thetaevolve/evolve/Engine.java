package dev.thetaevolve.evolve;

import dev.thetaevolve.database.CodeCache;
import dev.thetaevolve.database.ProgramDatabase;
import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.Shaping;
import dev.thetaevolve.evaluate.EvalRequest;
import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.problem.Mode;
import dev.thetaevolve.evaluate.Verdict;
import dev.thetaevolve.mutate.CodeNormalizer;
import dev.thetaevolve.mutate.DiffFormat;
import dev.thetaevolve.mutate.MutationRequest;
import dev.thetaevolve.mutate.Mutator;
import dev.thetaevolve.mutate.Parent;
import dev.thetaevolve.mutate.Sample;
import dev.thetaevolve.problem.Problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The evolution loop of one run.
 *
 * <p>A step is a function over a frozen index: it samples P parents with the step's own seed (derived from
 * the run seed), asks the mutator for K samples of each, and turns every sample into a child as soon as
 * it arrives (diff apply → size cap → lazy check → evaluation, W evaluations at once inside the
 * evaluator). Nothing touches the index or the store until every child of the step exists; then the step
 * commits in one transaction, children in (parent, sample) order with consecutive ids, and only then does
 * the index learn of them, rotate its island and migrate. A crash inside a step therefore loses only
 * uncommitted work, and {@link #resume} redoes that step with the same seed: with a deterministic mutator
 * the resumed run equals an uninterrupted one.
 *
 * <p>A sample that never arrives (the mutator's future fails) still becomes a child: status
 * {@link ChildStatus#SAMPLE_FAILED}, the cause in its feedback, so nothing is lost quietly; the first
 * failure of each cause is logged at WARN. A step in which not one sample arrived (and no budget ran out),
 * or a mutator that reports {@link Mutator#failure()}, stops the run: {@link #failure()} says why.
 * An exception in the engine's own child code makes an {@link ChildStatus#INTERNAL} child with the error,
 * so it reads differently from a model server's failure.
 *
 * <p>Search mode: a child joins the index (so it can become a parent or an inspiration) only when its score
 * beats its parent's by more than a relative {@value #SEARCH_MIN_GAIN} (solver noise). Its search starts from the parent's construction and the harness never returns
 * anything worse, so a child that only ties its parent brings nothing new, and a mutated program whose
 * local solver is broken would otherwise pass its parent's construction on, tie, and fill the population
 * (a circle_packing_26 run: 98 of 177 programs were such clones, and the run stalled). Such children are
 * still stored; resume applies the same rule, so replay rebuilds the same index.
 *
 * <p>Single-threaded use: one thread drives {@link #step()}; the mutator and evaluator bring their own
 * concurrency. {@link #requestStop()} may be called from any thread.
 */
public final class Engine {

    private final Problem problem;
    private final EngineConfig config;
    private final Evaluator evaluator;
    private final Mutator mutator;
    private final RunStore store;
    private final ProgramDatabase index;
    private final LongSupplier nanoTime;
    private final CodeCache<Long, Parent> parents;
    private final List<StepObserver> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private int[] generations = new int[1024];
    private final Set<String> hashes = java.util.concurrent.ConcurrentHashMap.newKeySet(); // read by sample threads
    private long nextId;
    private int committedSteps;
    private Double bestScore;
    private long bestId = -1;
    /**
     * Search mode: the relative gain over its parent a child needs to join the index. Re-solving the
     * parent's own optimum moves the score by about 1e-10 either way; that is not an improvement.
     */
    static final double SEARCH_MIN_GAIN = 1e-9;
    /** Search mode: the scores of the valid programs, to tell a child that beats its parent. */
    private final java.util.Map<Long, Double> searchScores = new java.util.HashMap<>();
    private Double seedScore;
    private long evaluations;
    private long validChildren;
    private long children;
    private long sampleFailures;
    private int lastStepSampleFailures;
    private volatile boolean stopRequested;
    private volatile boolean abandonStep;
    private volatile String failure;
    private final Set<String> warnedCauses = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Engine.class.getName());

    private Engine(Problem problem, EngineConfig config, Evaluator evaluator, Mutator mutator, RunStore store, LongSupplier nanoTime) {
        this.problem = problem;
        this.config = config;
        this.evaluator = evaluator;
        this.mutator = mutator;
        this.store = store;
        this.nanoTime = nanoTime;
        Shaping shaping = problem.spec().shaping();
        this.index = ProgramDatabase.builder()
                .islands(config.islands())
                .populationCap(config.populationCap())
                .archiveSize(config.archiveSize())
                // the grid's score axis spans the shaping range, in fitness terms (higher is better)
                .scoreBounds(problem.direction() == Direction.MAXIMIZE ? shaping.a() : -shaping.b(),
                        problem.direction() == Direction.MAXIMIZE ? shaping.b() : -shaping.a())
                .build();
        this.parents = CodeCache.boundedByEntries(4096, store::parent);
    }

    /**
     * Starts a new run: evaluates the problem's seed program and commits it as program 0 (step 0). In search
     * mode the seed program runs {@link EngineConfig#searchStarts} times, each a cold start of the harness
     * with its own seed (the first with step 0's seed, as a single start would have), and every start is
     * committed at step 0 as a root (programs 0 … starts−1, no parent): one draw of the seed's first basin
     * no longer decides the whole run.
     *
     * @throws IllegalStateException when the seed program is not valid (the message says why)
     */
    public static Engine start(Problem problem, EngineConfig config, Evaluator evaluator, Mutator mutator, RunStore store, LongSupplier nanoTime) {
        if (store.committedSteps() > 0) throw new IllegalStateException("the store already holds committed steps: resume instead");
        if (config.mode() == Mode.SEARCH && !problem.spec().modes().contains(Mode.SEARCH)) {
            throw new IllegalStateException("problem " + problem.id() + " has no search mode (its problem.properties declares modes="
                    + problem.spec().modes().stream().map(Mode::word).sorted().collect(java.util.stream.Collectors.joining(",")) + ")");
        }
        Engine e = new Engine(problem, config, evaluator, mutator, store, nanoTime);
        String seed = problem.seedSource(config.mode());
        int starts = config.mode() == Mode.SEARCH ? config.searchStarts() : 1;
        long t0 = nanoTime.getAsLong();
        List<CompletableFuture<Verdict>> pending = new ArrayList<>();
        for (int k = 0; k < starts; k++) pending.add(evaluator.submit(e.request(seed, null, startSeed(config, k))));
        List<ChildRecord> roots = new ArrayList<>();
        Double best = null;
        long bestId = -1;
        for (int k = 0; k < starts; k++) {
            Verdict v = join(pending.get(k));
            if (!v.valid()) {
                pending.forEach(f -> f.cancel(true));
                throw new IllegalStateException("the seed program of " + problem.id() + " is not valid"
                        + (starts > 1 ? " (start " + (k + 1) + " of " + starts + ")" : "") + ": " + v.error().kind() + ": " + v.error().message());
            }
            roots.add(new ChildRecord(k, -1, e.index.currentIsland(), 0, 0, seed, CodeNormalizer.hash(seed), ChildStatus.VALID,
                    v.score(), v.strictScore(), Rewards.raw(problem.direction(), v.score()), null, v.metrics(),
                    starts > 1 ? "seed program, start " + (k + 1) + " of " + starts : "seed program",
                    v.tier() == null ? null : v.tier().word(), v.compileMillis(), v.runMillis(), v.output()));
            if (best == null || problem.direction().better(v.score(), best)) {
                best = v.score();
                bestId = k;
            }
        }
        StepSummary s0 = new StepSummary(0, starts, starts, best, bestId, (nanoTime.getAsLong() - t0) / 1_000_000, starts);
        store.commitStep(s0, roots);
        e.evaluations = starts;
        e.learn(roots);
        e.index.commitStep();
        return e;
    }

    /**
     * The harness seed of cold start {@code k} at step 0: step 0's own seed for the first (what a single start
     * uses), the seed of "step −k" for the others (no step is numbered below 0, so no step shares it).
     */
    static long startSeed(EngineConfig config, int k) {
        return config.stepSeed(k == 0 ? 0 : -k);
    }

    /** Rebuilds a run from its store: replays committed programs into the index, step by step. */
    public static Engine resume(Problem problem, EngineConfig config, Evaluator evaluator, Mutator mutator, RunStore store, LongSupplier nanoTime) {
        Engine e = new Engine(problem, config, evaluator, mutator, store, nanoTime);
        List<ProgramMeta> pending = new ArrayList<>();
        int[] currentStep = {-1};
        store.forEachProgram(m -> {
            if (m.step() != currentStep[0] && currentStep[0] >= 0) {
                e.replay(pending);
                pending.clear();
            }
            currentStep[0] = m.step();
            pending.add(m);
        });
        if (!pending.isEmpty()) e.replay(pending);
        if (e.nextId == 0) throw new IllegalStateException("the run has no committed program: nothing to resume");
        e.committedSteps = store.committedSteps();
        return e;
    }

    private void replay(List<ProgramMeta> step) {
        for (ProgramMeta m : step) {
            remember(m.id(), m.generation(), m.normalizedHash());
            children += m.step() > 0 ? 1 : 0;
            if (m.valid()) {
                if (m.step() > 0) validChildren++;
                if (m.id() == 0) seedScore = m.score();
                if (joinsIndex(m.id(), m.parentId(), m.score())) {
                    index.add(m.id(), Rewards.fitness(problem.direction(), m.score()), m.codeLength(), m.island());
                }
                track(m.id(), m.score());
            }
        }
        index.commitStep();
    }

    private void learn(List<ChildRecord> committed) {
        for (ChildRecord c : committed) {
            remember(c.id(), c.generation(), c.normalizedHash());
            if (c.valid()) {
                if (c.id() == 0) seedScore = c.score();
                if (joinsIndex(c.id(), c.parentId(), c.score())) {
                    index.add(c.id(), Rewards.fitness(problem.direction(), c.score()), c.code().length(), c.island());
                }
                track(c.id(), c.score());
            }
        }
    }

    private void remember(long id, int generation, String hash) {
        if (id != nextId) throw new IllegalStateException("program ids must be consecutive: expected " + nextId + ", got " + id);
        if (id >= generations.length) generations = Arrays.copyOf(generations, generations.length * 2);
        generations[(int) id] = generation;
        if (config.lazyLevel2() && hash != null) hashes.add(hash);
        nextId++;
    }

    /** Search mode: true when a valid program beats its parent (always for the seed); every program in construct mode. */
    private boolean joinsIndex(long id, long parentId, Double score) {
        if (config.mode() != Mode.SEARCH) return true;
        searchScores.put(id, score);
        Double parentScore = parentId < 0 ? null : searchScores.get(parentId);
        if (parentScore == null) return true;
        double gain = problem.direction() == dev.thetaevolve.problem.Direction.MAXIMIZE ? score - parentScore : parentScore - score;
        return gain > SEARCH_MIN_GAIN * Math.max(1, Math.abs(parentScore));
    }

    private void track(long id, Double score) {
        if (score != null && (bestScore == null || problem.direction().better(score, bestScore))) {
            bestScore = score;
            bestId = id;
        }
    }

    /**
     * Runs one step to its commit and returns what it did.
     *
     * @throws StepAbandoned when {@link #abandonStep()} came while the step was still sampling or
     *                       evaluating: nothing of it is committed, and the engine is as before the step
     */
    public StepSummary step() {
        long t0 = nanoTime.getAsLong();
        int stepNo = committedSteps + 1;
        SplittableRandom rng = new SplittableRandom(config.stepSeed(stepNo));
        int island = index.currentIsland();
        List<List<CompletableFuture<Draft>>> perParent = new ArrayList<>(config.parents());
        for (int i = 0; i < config.parents(); i++) {
            if (abandonStep) throw abandon(stepNo, perParent);
            perParent.add(launch(rng));
        }
        awaitOrAbandon(stepNo, perParent);
        StepSummary summary = commit(stepNo, island, perParent, t0);
        mutator.stepEnded();
        return summary;
    }

    /**
     * Steady-state mode (inference only): no step barrier. P parents are in flight at once; as soon as one
     * parent's K children all exist they commit as a step of their own, the index learns of them, and a
     * new parent takes the free slot. Runs until {@code groups} parents have committed, the deadline
     * passes or a stop is asked for; parents in flight then finish and commit. Reproducible only up to
     * the order in which groups finish.
     */
    public void runAsync(int groups, long deadlineNanos, java.util.function.Consumer<StepSummary> listener) {
        java.util.concurrent.BlockingQueue<Group> done = new java.util.concurrent.LinkedBlockingQueue<>();
        int launched = 0;
        int inFlight = 0;
        int limit = groups <= 0 ? Integer.MAX_VALUE : groups;
        while (true) {
            while (inFlight < config.parents() && launched < limit && !stopRequested() && nanoTime.getAsLong() < deadlineNanos) {
                long t0 = nanoTime.getAsLong();
                SplittableRandom rng = new SplittableRandom(config.stepSeed(committedSteps + 1 + inFlight));
                Group g = new Group(index.currentIsland(), t0, launch(rng));
                CompletableFuture.allOf(g.drafts.toArray(new CompletableFuture[0])).whenComplete((v, ex) -> done.add(g));
                launched++;
                inFlight++;
            }
            if (inFlight == 0) return;
            Group g;
            try {
                g = done.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                requestStop();
                continue;
            }
            inFlight--;
            StepSummary s = commit(committedSteps + 1, g.island, List.of(g.drafts), g.t0);
            if (listener != null) listener.accept(s);
        }
    }

    private record Group(int island, long t0, List<CompletableFuture<Draft>> drafts) {
    }

    /** Waits until every child of the step exists, checking for a stop every 50 ms. */
    private void awaitOrAbandon(int stepNo, List<List<CompletableFuture<Draft>>> perParent) {
        for (List<CompletableFuture<Draft>> drafts : perParent) {
            for (CompletableFuture<Draft> f : drafts) {
                while (!f.isDone()) {
                    if (abandonStep) throw abandon(stepNo, perParent);
                    try {
                        f.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                        // not done yet, or done with a failure that commit() counts
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        requestStop();
                    }
                }
            }
        }
    }

    /** Drops a step in progress: its futures are cancelled (late results are ignored), the mutator is told the step ended. */
    private StepAbandoned abandon(int stepNo, List<List<CompletableFuture<Draft>>> perParent) {
        for (List<CompletableFuture<Draft>> drafts : perParent) for (CompletableFuture<Draft> f : drafts) f.cancel(true);
        mutator.stepEnded();
        return new StepAbandoned(stepNo);
    }

    /** Samples one parent and starts its K children; each child is evaluated as soon as its sample arrives. */
    private List<CompletableFuture<Draft>> launch(SplittableRandom rng) {
        Parent parent = parents.get(index.sampleParent(rng));
        List<Parent> inspirations = new ArrayList<>();
        for (long id : index.inspirations(rng, config.inspirations(), 0, parent.id())) inspirations.add(parents.get(id));
        MutationRequest request = new MutationRequest(problem, parent, inspirations, config.samples(), rng.nextLong(), config.mode(),
                config.searchBudgetMillis() > 0 ? config.searchBudgetMillis() : problem.spec().searchBudgetMillis());
        List<CompletableFuture<Sample>> samples;
        try {
            samples = mutator.sample(request);
        } catch (RuntimeException ex) {
            samples = List.of(CompletableFuture.failedFuture(ex));
        }
        List<CompletableFuture<Draft>> drafts = new ArrayList<>(samples.size());
        for (CompletableFuture<Sample> s : samples) {
            drafts.add(s.handle((sample, ex) -> ex != null
                            ? CompletableFuture.completedFuture(new Draft(parent, null).sampleFailed(unwrap(ex)))
                            : safeChild(parent, sample))
                    .thenCompose(f -> f));
        }
        return drafts;
    }

    /** The child of an arrived sample; an exception of the engine's own making becomes an INTERNAL child. */
    private CompletableFuture<Draft> safeChild(Parent parent, Sample sample) {
        CompletableFuture<Draft> f;
        try {
            f = child(parent, sample);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.exceptionally(ex -> {
            Throwable e = unwrap(ex);
            // an evaluator that cannot evaluate at all fails the step: no child gets a verdict that says nothing about it
            if (e instanceof dev.thetaevolve.evaluate.EvaluatorUnavailableException u) throw u;
            return new Draft(parent, sample).engineError(e);
        });
    }

    private static Throwable unwrap(Throwable ex) {
        Throwable e = ex;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** The cause of a failed sample as a word: the LLM failure (CONNECTION, TIMEOUT, ...), else the exception's class. */
    static String causeOf(Throwable e) {
        if (e instanceof java.util.concurrent.CancellationException) return "CANCELLED";
        if (e instanceof dev.thetaevolve.llm.LlmException l) return l.failure().name();
        return e.getClass().getSimpleName();
    }

    private void warnOnce(String cause, String message) {
        if (warnedCauses.add(cause)) {
            LOG.warning(message + " (first " + cause + " failure of this run; later ones are counted, not logged)");
        }
    }

    /** Waits for every child, then commits them in (parent, sample) order in one transaction. */
    private StepSummary commit(int stepNo, int island, List<List<CompletableFuture<Draft>>> perParent, long t0) {
        List<ChildRecord> records = new ArrayList<>();
        List<Draft> kept = new ArrayList<>();
        long id = nextId;
        int valid = 0;
        int failedNow = 0;
        String firstFailure = null;
        for (List<CompletableFuture<Draft>> drafts : perParent) {
            for (CompletableFuture<Draft> f : drafts) {
                Draft d = join(f);
                records.add(d.record(id++, island, generations[(int) d.parent.id()] + 1, stepNo));
                kept.add(d);
                if (d.status == ChildStatus.VALID) valid++;
                if (d.status == ChildStatus.SAMPLE_FAILED) {
                    failedNow++;
                    if (firstFailure == null) firstFailure = d.feedback;
                }
            }
        }
        sampleFailures += failedNow;
        lastStepSampleFailures = failedNow;
        if (failedNow > 0 && failedNow == records.size() && !mutator.exhausted() && failure == null) {
            failure = "no sample arrived in step " + stepNo + ": all " + failedNow + " failed; the first: " + firstFailure;
        }
        int evaluatedNow = (int) records.stream().filter(r -> r.status().evaluated()).count();
        Double best = bestScore;
        long bestAt = bestId;
        for (ChildRecord r : records) {
            if (r.valid() && (best == null || problem.direction().better(r.score(), best))) {
                best = r.score();
                bestAt = r.id();
            }
        }
        StepSummary summary = new StepSummary(stepNo, records.size(), valid, best, bestAt,
                (nanoTime.getAsLong() - t0) / 1_000_000, evaluatedNow);
        store.commitStep(summary, records);
        committedSteps = stepNo;
        learn(records);
        index.commitStep();
        evaluations += evaluatedNow;
        children += records.size();
        validChildren += valid;
        for (int i = 0; i < records.size(); i++) {
            if (kept.get(i).sample == null) continue; // a failed sample: nothing the mutator made
            mutator.outcome(kept.get(i).sample, records.get(i).status() != ChildStatus.NO_DIFF, records.get(i).reward());
        }
        if (!observers.isEmpty()) {
            List<StepObserver.Child> told = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                if (kept.get(i).sample != null) told.add(new StepObserver.Child(records.get(i), kept.get(i).parent, kept.get(i).sample));
            }
            for (StepObserver o : observers) o.stepCommitted(summary, told);
        }
        return summary;
    }

    /** Joins, failing with an unavailable evaluator's own exception (its message names the cause). */
    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof dev.thetaevolve.evaluate.EvaluatorUnavailableException u) {
                throw new dev.thetaevolve.evaluate.EvaluatorUnavailableException(u.getMessage(), u);
            }
            throw e;
        }
    }

    private CompletableFuture<Draft> child(Parent parent, Sample sample) {
        Draft d = new Draft(parent, sample);
        DiffFormat.Result diff = DiffFormat.apply(parent.code(), sample.text(),
                new DiffFormat.Options(config.allowOutsideBlock(), config.fullRewrite()));
        if (!diff.hasChild()) {
            return CompletableFuture.completedFuture(d.fail(ChildStatus.NO_DIFF, noDiffReason(diff), null));
        }
        String code = diff.code();
        if (code.length() > config.maxCodeChars()) {
            return CompletableFuture.completedFuture(d.fail(ChildStatus.TOO_LONG,
                    "the program has " + code.length() + " characters; the limit is " + config.maxCodeChars(), code));
        }
        String hash = CodeNormalizer.hash(code);
        d.hash = hash;
        if (hash.equals(CodeNormalizer.hash(parent.code()))) {
            return CompletableFuture.completedFuture(d.fail(ChildStatus.LAZY, "the change leaves the program as it was (comments and whitespace aside)", code));
        }
        if (config.lazyLevel2() && hashes.contains(hash)) {
            return CompletableFuture.completedFuture(d.fail(ChildStatus.DUPLICATE, "the program equals one already in the run", code));
        }
        EvalRequest request = request(code, parent, config.stepSeed(committedSteps + 1) ^ (31 * parent.id() + sample.text().hashCode()));
        return evaluator.submit(request).thenApply(v -> d.verdict(code, v, request));
    }

    /**
     * The evaluation of {@code code}: construct mode as is; search mode warm-starts from {@code parent}'s
     * stored construction (when it has one) with a seed for the harness.
     */
    private EvalRequest request(String code, Parent parent, long seed) {
        if (config.mode() == Mode.CONSTRUCT) return EvalRequest.construct(code, problem, config.tolerance());
        Object warm = parent == null ? null : warmStart(parent.construction());
        long budget = config.searchBudgetMillis() > 0 ? config.searchBudgetMillis() : problem.spec().searchBudgetMillis();
        return new EvalRequest(code, problem, config.tolerance(), Mode.SEARCH, warm, warm == null ? -1 : parent.id(), seed, budget);
    }

    /** A stored construction as the problem's array type (a store hands back JSON-decoded Lists); null when unusable. */
    private Object warmStart(Object stored) {
        if (stored == null) return null;
        if (problem.spec().returnType().accepts(stored)) return stored;
        try {
            return problem.spec().returnType().fromJson(stored);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String noDiffReason(DiffFormat.Result diff) {
        return switch (diff.status()) {
            case NO_BLOCKS -> "no SEARCH/REPLACE block found" + (diff.malformed() > 0 ? " (" + diff.malformed() + " with broken markers)" : "");
            case NONE_APPLIED -> "none of the " + diff.unmatched() + " SEARCH blocks matched the parent's lines exactly";
            case OUTSIDE_EVOLVE_BLOCK -> "the change touches code outside the EVOLVE-BLOCK";
            default -> diff.status().name();
        };
    }

    /** A child before its id is known. */
    private final class Draft {
        final Parent parent;
        final Sample sample;
        ChildStatus status;
        String code;
        String hash;
        String feedback;
        String failureCause;
        Verdict verdict;

        Draft(Parent parent, Sample sample) {
            this.parent = parent;
            this.sample = sample;
        }

        Draft fail(ChildStatus s, String why, String childCode) {
            status = s;
            feedback = why;
            code = childCode;
            return this;
        }

        Long warmStartFrom;

        /** The sample never arrived. */
        Draft sampleFailed(Throwable e) {
            String cause = causeOf(e);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            warnOnce(cause, "a sample failed: " + message);
            status = ChildStatus.SAMPLE_FAILED;
            feedback = message;
            failureCause = cause;
            return this;
        }

        /** The engine's own code failed on an arrived sample: a bug of ours, not the model's. */
        Draft engineError(Throwable e) {
            String message = "engine error: " + e;
            warnOnce("ENGINE_ERROR", message);
            LOG.log(java.util.logging.Level.FINE, "engine error on a sample", e);
            status = ChildStatus.INTERNAL;
            feedback = message;
            code = null;
            return this;
        }

        Draft verdict(String childCode, Verdict v, EvalRequest request) {
            code = childCode;
            verdict = v;
            Double used = v.metrics().get("search_warm_start");
            warmStartFrom = request.warmStartFrom() >= 0 && used != null && used == 1.0 ? request.warmStartFrom() : null;
            status = v.valid() ? ChildStatus.VALID : ChildStatus.of(v.errorKind());
            feedback = v.valid() ? null : v.error().message();
            return this;
        }

        ChildRecord record(long id, int island, int generation, int step) {
            Verdict v = verdict;
            double reward = status == ChildStatus.VALID ? Rewards.raw(problem.direction(), v.score()) : status.ladderReward();
            return new ChildRecord(id, parent.id(), island, generation, step, code, hash, status,
                    v == null ? null : v.score(), v == null ? null : v.strictScore(), reward, feedback,
                    v == null ? null : v.metrics(), sample == null ? "sample failed: " + failureCause : sample.summary(), v == null || v.tier() == null ? null : v.tier().word(),
                    v == null ? 0 : v.compileMillis(), v == null ? 0 : v.runMillis(), v == null || !v.valid() ? null : v.output(),
                    warmStartFrom);
        }
    }

    /** Adds an observer told about every step committed from now on (see {@link StepObserver}). */
    public Engine observe(StepObserver observer) {
        observers.add(java.util.Objects.requireNonNull(observer, "observer"));
        return this;
    }

    /** Asks the run loop to stop after the step in progress. Thread-safe. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Stops within the step in progress: one still sampling or evaluating is abandoned ({@link #step()}
     * throws {@link StepAbandoned}, nothing of it is committed, a resume redoes it with the same seed); the
     * async loop commits the groups already in flight. Thread-safe.
     */
    public void abandonStep() {
        abandonStep = true;
        stopRequested = true;
    }

    /** True when a stop was asked for, the mutator's budget is spent, or the run failed ({@link #failure()}). */
    public boolean stopRequested() {
        return stopRequested || mutator.exhausted() || failure() != null;
    }

    /**
     * Why the run cannot go on, or null: a step in which no sample arrived, or the mutator's own
     * {@link Mutator#failure()} (its server failed too many requests in a row).
     */
    public String failure() {
        if (failure != null) return failure;
        return mutator.failure();
    }

    /** True when the mutator's token or cost budget is spent. */
    public boolean budgetExhausted() {
        return mutator.exhausted();
    }

    public int committedSteps() { return committedSteps; }
    public long programs() { return nextId; }
    public Double bestScore() { return bestScore; }
    public long bestId() { return bestId; }
    public Double seedScore() { return seedScore; }
    public long evaluations() { return evaluations; }
    public long children() { return children; }
    public long validChildren() { return validChildren; }
    /** Samples that never arrived (SAMPLE_FAILED children) since this engine was built. */
    public long sampleFailures() { return sampleFailures; }
    /** Of the last committed step's children, how many are SAMPLE_FAILED. */
    public int lastStepSampleFailures() { return lastStepSampleFailures; }
    public Problem problem() { return problem; }
    public EngineConfig config() { return config; }
}
