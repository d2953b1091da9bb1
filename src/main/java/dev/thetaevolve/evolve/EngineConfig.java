package dev.thetaevolve.evolve;

/**
 * How a run evolves. Immutable; built and validated by {@link #builder()}. Defaults are ThetaEvolve's
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
 */
public record EngineConfig(int parents, int samples, long seed, double tolerance, int maxCodeChars, boolean lazyLevel2,
                           boolean allowOutsideBlock, boolean fullRewrite, boolean async, int inspirations,
                           int islands, int populationCap, int archiveSize) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().parents(parents).samples(samples).seed(seed).tolerance(tolerance).maxCodeChars(maxCodeChars)
                .lazyLevel2(lazyLevel2).allowOutsideBlock(allowOutsideBlock).fullRewrite(fullRewrite).async(async)
                .inspirations(inspirations).islands(islands).populationCap(populationCap).archiveSize(archiveSize);
    }

    /** The seed of step {@code step}: a fixed mix of the run seed and the step number (SplitMix64). */
    public long stepSeed(int step) {
        long z = seed + 0x9E3779B97F4A7C15L * (step + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static final class Builder {
        private int parents = 32;
        private int samples = 16;
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

        public EngineConfig build() {
            positive("parents", parents);
            positive("samples", samples);
            positive("maxCodeChars", maxCodeChars);
            positive("islands", islands);
            positive("populationCap", populationCap);
            positive("archiveSize", archiveSize);
            if (inspirations < 0) throw new IllegalArgumentException("inspirations must be >= 0, got '" + inspirations + "'");
            if (!(tolerance >= 0) || Double.isInfinite(tolerance)) throw new IllegalArgumentException("tolerance must be a finite number >= 0, got '" + tolerance + "'");
            if (archiveSize > populationCap) throw new IllegalStateException("archiveSize '" + archiveSize + "' exceeds populationCap '" + populationCap + "'");
            return new EngineConfig(parents, samples, seed, tolerance, maxCodeChars, lazyLevel2, allowOutsideBlock, fullRewrite,
                    async, inspirations, islands, populationCap, archiveSize);
        }

        private static void positive(String name, long v) {
            if (v < 1) throw new IllegalArgumentException(name + " must be >= 1, got '" + v + "'");
        }
    }
}
