package dev.thetaevolve.evolve;

import dev.thetaevolve.problem.Mode;

/**
 * How a run evolves. Immutable; built by {@link #builder()}, which holds the defaults. The checks live in the
 * canonical constructor, so no value, however made, escapes them. Defaults are ThetaEvolve's
 * (DESIGN.md §5) except where a 2-core machine needs smaller ones, as noted.
 *
 * @param parents           P parents per step (32)
 * @param samples           K samples per parent (16)
 * @param seed              the run seed; every step's seed derives from it
 * @param tolerance         verification tolerance of the run (0 = strict)
 * @param maxCodeChars      children longer than this are not evaluated (50,000)
 * @param lazyLevel2        also penalize children equal to any program already in the run
 * @param allowOutsideBlock accept diffs that change text outside the EVOLVE-BLOCK
 * @param fullRewrite       accept one fenced java block as a whole new program when no diff applies
 * @param async             steady state: no step barrier, a parent's K children commit as soon as they exist
 * @param inspirations      programs shown to the mutator per parent (prompts; crossover donors)
 * @param islands           islands of the index (10)
 * @param populationCap     programs kept in the index (10,000)
 * @param archiveSize       elite archive (1,000)
 * @param mode              construct ({@code solve()}) or search (harness with warm starts); construct by default
 * @param searchBudgetMillis search mode: each child's harness budget; 0 = the problem's {@code searchBudgetMillis}
 * @param searchStarts      search mode: independent cold starts of the seed program at step 0 ({@value #DEFAULT_SEARCH_STARTS}),
 *                          each a root of its own lineage; ignored in construct mode, whose seed is deterministic
 */
public record EngineConfig(int parents, int samples, long seed, double tolerance, int maxCodeChars, boolean lazyLevel2,
                           boolean allowOutsideBlock, boolean fullRewrite, boolean async, int inspirations,
                           int islands, int populationCap, int archiveSize, Mode mode, long searchBudgetMillis, int searchStarts) {
    /** P and K of a construct-mode run that names none (ThetaEvolve's); search mode's are {@link #defaultParents}. */
    public static final int DEFAULT_PARENTS = 32;
    public static final int DEFAULT_SAMPLES = 16;
    /**
     * Cold starts of a search-mode run's seed program. One start is one draw of the seed's basin: a
     * circle_packing_26 run whose single start fell into the basin of 2.6342924 stayed there for 14 minutes
     * (no perturb-and-re-solve move of the seed leaves it), while chains from other random starts reach
     * 2.63598; several roots make a run depend less on one draw (BENCHMARKS.md §11).
     */
    public static final int DEFAULT_SEARCH_STARTS = 4;
    public static final int MAX_SEARCH_STARTS = 64;

    /**
     * @throws IllegalArgumentException naming the field and quoting the value
     * @throws IllegalStateException    when archiveSize exceeds populationCap
     */
    public EngineConfig {
        positive("parents", parents);
        positive("samples", samples);
        positive("maxCodeChars", maxCodeChars);
        positive("islands", islands);
        positive("populationCap", populationCap);
        positive("archiveSize", archiveSize);
        if (inspirations < 0) throw new IllegalArgumentException("inspirations must be >= 0, got '" + inspirations + "'");
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) throw new IllegalArgumentException("tolerance must be a finite number >= 0, got '" + tolerance + "'");
        if (mode == null) throw new IllegalArgumentException("mode must be construct or search, got 'null'");
        if (searchBudgetMillis < 0 || searchBudgetMillis > 3_600_000) {
            throw new IllegalArgumentException("searchBudgetMillis must be between 0 and 3600000, got '" + searchBudgetMillis + "'");
        }
        if (searchStarts < 1 || searchStarts > MAX_SEARCH_STARTS) {
            throw new IllegalArgumentException("searchStarts must be between 1 and " + MAX_SEARCH_STARTS + ", got '" + searchStarts + "'");
        }
        if (archiveSize > populationCap) throw new IllegalStateException("archiveSize '" + archiveSize + "' exceeds populationCap '" + populationCap + "'");
    }

    private static void positive(String name, long v) {
        if (v < 1) throw new IllegalArgumentException(name + " must be >= 1, got '" + v + "'");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * P when a run names none: ThetaEvolve's 32 in construct mode; 4 in search mode, where each child
     * runs a whole search budget (2 s for circle packing), so that a few minutes on 2 cores still make
     * dozens of generations of warm-started children.
     */
    public static int defaultParents(Mode mode) {
        return mode == Mode.SEARCH ? 4 : DEFAULT_PARENTS;
    }

    /** K when a run names none: 16 in construct mode, 2 in search mode (see {@link #defaultParents}). */
    public static int defaultSamples(Mode mode) {
        return mode == Mode.SEARCH ? 2 : DEFAULT_SAMPLES;
    }

    public Builder toBuilder() {
        return new Builder().parents(parents).samples(samples).seed(seed).tolerance(tolerance).maxCodeChars(maxCodeChars)
                .lazyLevel2(lazyLevel2).allowOutsideBlock(allowOutsideBlock).fullRewrite(fullRewrite).async(async)
                .inspirations(inspirations).islands(islands).populationCap(populationCap).archiveSize(archiveSize)
                .mode(mode).searchBudgetMillis(searchBudgetMillis).searchStarts(searchStarts);
    }

    /** The seed of step {@code step}: a fixed mix of the run seed and the step number (SplitMix64). */
    public long stepSeed(int step) {
        long z = seed + 0x9E3779B97F4A7C15L * (step + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static final class Builder {
        private int parents = DEFAULT_PARENTS;
        private int samples = DEFAULT_SAMPLES;
        private long seed = 0;
        private double tolerance = 0;
        private int maxCodeChars = 50_000;
        private boolean lazyLevel2;
        private boolean allowOutsideBlock;
        private boolean fullRewrite = true;
        private boolean async;
        private int inspirations = 2;
        private int islands = 10;
        private int populationCap = 10_000;
        private int archiveSize = 1_000;
        private Mode mode = Mode.CONSTRUCT;
        private long searchBudgetMillis;
        private int searchStarts = DEFAULT_SEARCH_STARTS;

        public Builder parents(int v) { parents = v; return this; }
        public Builder samples(int v) { samples = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder tolerance(double v) { tolerance = v; return this; }
        public Builder maxCodeChars(int v) { maxCodeChars = v; return this; }
        public Builder lazyLevel2(boolean v) { lazyLevel2 = v; return this; }
        public Builder allowOutsideBlock(boolean v) { allowOutsideBlock = v; return this; }
        public Builder fullRewrite(boolean v) { fullRewrite = v; return this; }
        public Builder async(boolean v) { async = v; return this; }
        public Builder inspirations(int v) { inspirations = v; return this; }
        public Builder islands(int v) { islands = v; return this; }
        public Builder populationCap(int v) { populationCap = v; return this; }
        public Builder archiveSize(int v) { archiveSize = v; return this; }
        public Builder mode(Mode v) { mode = v; return this; }
        public Builder searchBudgetMillis(long v) { searchBudgetMillis = v; return this; }
        public Builder searchStarts(int v) { searchStarts = v; return this; }

        /** @throws IllegalArgumentException or IllegalStateException as the canonical constructor does */
        public EngineConfig build() {
            return new EngineConfig(parents, samples, seed, tolerance, maxCodeChars, lazyLevel2, allowOutsideBlock, fullRewrite,
                    async, inspirations, islands, populationCap, archiveSize, mode, searchBudgetMillis, searchStarts);
        }
    }
}
