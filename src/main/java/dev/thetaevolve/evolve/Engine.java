package dev.thetaevolve.evolve;

import dev.thetaevolve.database.CodeCache;
import dev.thetaevolve.database.ProgramDatabase;
import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.Shaping;
import dev.thetaevolve.evaluate.Evaluator;
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
    private Double seedScore;
    private long evaluations;
    private long validChildren;
    private long children;
    private long sampleFailures;
    private volatile boolean stopRequested;

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
     * Starts a new run: evaluates the problem's seed program and commits it as program 0 (step 0).
     *
     * @throws IllegalStateException when the seed program is not valid (the message says why)
     */
    public static Engine start(Problem problem, EngineConfig config, Evaluator evaluator, Mutator mutator, RunStore store, LongSupplier nanoTime) {
        if (store.committedSteps() > 0) throw new IllegalStateException("the store already holds committed steps: resume instead");
        Engine e = new Engine(problem, config, evaluator, mutator, store, nanoTime);
        String seed = problem.seedSource();
        long t0 = nanoTime.getAsLong();
        Verdict v = evaluator.evaluate(seed, problem, config.tolerance());
        if (!v.valid()) {
            throw new IllegalStateException("the seed program of " + problem.id() + " is not valid: " + v.error().kind() + ": " + v.error().message());
        }
        ChildRecord rec = new ChildRecord(0, -1, e.index.currentIsland(), 0, 0, seed, CodeNormalizer.hash(seed), ChildStatus.VALID,
                v.score(), v.strictScore(), Rewards.raw(problem.direction(), v.score()), null, v.metrics(), "seed program",
                v.tier() == null ? null : v.tier().word(), v.compileMillis(), v.runMillis(), v.output());
        StepSummary s0 = new StepSummary(0, 1, 1, v.score(), 0, (nanoTime.getAsLong() - t0) / 1_000_000, 1);
        store.commitStep(s0, List.of(rec));
        e.evaluations = 1;
        e.learn(List.of(rec));
        e.index.commitStep();
        return e;
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
                index.add(m.id(), Rewards.fitness(problem.direction(), m.score()), m.codeLength(), m.island());
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
                index.add(c.id(), Rewards.fitness(problem.direction(), c.score()), c.code().length(), c.island());
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

    private void track(long id, Double score) {
        if (score != null && (bestScore == null || problem.direction().better(score, bestScore))) {
            bestScore = score;
            bestId = id;
        }
    }

    /** Runs one step to its commit and returns what it did. */
    public StepSummary step() {
        long t0 = nanoTime.getAsLong();
        int stepNo = committedSteps + 1;
        SplittableRandom rng = new SplittableRandom(config.stepSeed(stepNo));
        int island = index.currentIsland();
        List<List<CompletableFuture<Draft>>> perParent = new ArrayList<>(config.parents());
        for (int i = 0; i < config.parents(); i++) perParent.add(launch(rng));
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

    /** Samples one parent and starts its K children; each child is evaluated as soon as its sample arrives. */
    private List<CompletableFuture<Draft>> launch(SplittableRandom rng) {
        Parent parent = parents.get(index.sampleParent(rng));
        List<Parent> inspirations = new ArrayList<>();
        for (long id : index.inspirations(rng, config.inspirations(), 0, parent.id())) inspirations.add(parents.get(id));
        MutationRequest request = new MutationRequest(problem, parent, inspirations, config.samples(), rng.nextLong());
        List<CompletableFuture<Sample>> samples;
        try {
            samples = mutator.sample(request);
        } catch (RuntimeException ex) {
            samples = List.of(CompletableFuture.failedFuture(ex));
        }
        List<CompletableFuture<Draft>> drafts = new ArrayList<>(samples.size());
        for (CompletableFuture<Sample> s : samples) {
            drafts.add(s.thenCompose(sample -> child(parent, sample)).exceptionally(ex -> null));
        }
        return drafts;
    }

    /** Waits for every child, then commits them in (parent, sample) order in one transaction. */
    private StepSummary commit(int stepNo, int island, List<List<CompletableFuture<Draft>>> perParent, long t0) {
        List<ChildRecord> records = new ArrayList<>();
        List<Draft> kept = new ArrayList<>();
        long id = nextId;
        int valid = 0;
        for (List<CompletableFuture<Draft>> drafts : perParent) {
            for (CompletableFuture<Draft> f : drafts) {
                Draft d = f.join();
                if (d == null) {
                    sampleFailures++;
                    continue;
                }
                records.add(d.record(id++, island, generations[(int) d.parent.id()] + 1, stepNo));
                kept.add(d);
                if (d.status == ChildStatus.VALID) valid++;
            }
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
            mutator.outcome(kept.get(i).sample, records.get(i).status() != ChildStatus.NO_DIFF, records.get(i).reward());
        }
        if (!observers.isEmpty()) {
            List<StepObserver.Child> told = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) told.add(new StepObserver.Child(records.get(i), kept.get(i).parent, kept.get(i).sample));
            for (StepObserver o : observers) o.stepCommitted(summary, told);
        }
        return summary;
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
        return evaluator.submit(code, problem, config.tolerance()).thenApply(v -> d.verdict(code, v));
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

        Draft verdict(String childCode, Verdict v) {
            code = childCode;
            verdict = v;
            status = v.valid() ? ChildStatus.VALID : ChildStatus.of(v.errorKind());
            feedback = v.valid() ? null : v.error().message();
            return this;
        }

        ChildRecord record(long id, int island, int generation, int step) {
            Verdict v = verdict;
            double reward = status == ChildStatus.VALID ? Rewards.raw(problem.direction(), v.score()) : status.ladderReward();
            return new ChildRecord(id, parent.id(), island, generation, step, code, hash, status,
                    v == null ? null : v.score(), v == null ? null : v.strictScore(), reward, feedback,
                    v == null ? null : v.metrics(), sample.summary(), v == null || v.tier() == null ? null : v.tier().word(),
                    v == null ? 0 : v.compileMillis(), v == null ? 0 : v.runMillis(), v == null || !v.valid() ? null : v.output());
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

    /** True when a stop was asked for or the mutator's budget is spent. */
    public boolean stopRequested() {
        return stopRequested || mutator.exhausted();
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
    public long sampleFailures() { return sampleFailures; }
    public Problem problem() { return problem; }
    public EngineConfig config() { return config; }
    public ProgramDatabase index() { return index; }
}
