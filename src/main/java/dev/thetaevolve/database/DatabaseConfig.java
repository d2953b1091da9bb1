package dev.thetaevolve.database;

import java.util.Optional;

/**
 * The settings of a {@link ProgramDatabase}, defaults resolved; built by {@link ProgramDatabase.Builder}.
 *
 * @param populationCap     most programs held; beyond it the lowest-ranked one is evicted
 * @param archiveSize       size of the elite archive (the top programs by fitness), at most populationCap
 * @param islands           number of islands, arranged in a ring
 * @param gridBins          bins per MAP-Elites dimension (fitness, code length)
 * @param rotateEvery       committed programs between rotations of the current island
 * @param migrationInterval island generations between migrations
 * @param migrationFraction share of each island copied to both ring neighbours at a migration
 * @param selection         the parent-choice mix
 * @param scoreBounds       fixed fitness bounds of the grid, or empty to adapt them
 * @param lengthBounds      fixed code-length bounds of the grid, or empty to adapt them
 */
public record DatabaseConfig(
        int populationCap,
        int archiveSize,
        int islands,
        int gridBins,
        int rotateEvery,
        int migrationInterval,
        double migrationFraction,
        Selection selection,
        Optional<Bounds> scoreBounds,
        Optional<Bounds> lengthBounds) {

    static final int MAX_ISLANDS = 4096;
    static final int MAX_BINS = 1024;

    public DatabaseConfig {
        atLeast("populationCap", populationCap, 1);
        atLeast("archiveSize", archiveSize, 1);
        atLeast("islands", islands, 1);
        atMost("islands", islands, MAX_ISLANDS);
        atLeast("gridBins", gridBins, 1);
        atMost("gridBins", gridBins, MAX_BINS);
        atLeast("rotateEvery", rotateEvery, 1);
        atLeast("migrationInterval", migrationInterval, 1);
        if (!(migrationFraction >= 0 && migrationFraction <= 1)) {
            throw new IllegalArgumentException("migrationFraction must be in [0, 1], got '" + migrationFraction + "'");
        }
        if (selection == null) throw new IllegalArgumentException("selection must not be null, got 'null'");
        if (scoreBounds == null || lengthBounds == null) {
            throw new IllegalArgumentException("scoreBounds and lengthBounds must be Optional, got 'null'");
        }
        if (archiveSize > populationCap) {
            throw new IllegalStateException("archiveSize '" + archiveSize + "' exceeds populationCap '" + populationCap + "'");
        }
    }

    /** ThetaEvolve's default bins: max(10, ⌈archive^(1/2)⌉), computed exactly (32 for 1,000). */
    static int defaultBins(int archiveSize) {
        int b = (int) Math.sqrt(archiveSize);
        while ((long) b * b < archiveSize) b++;
        return Math.min(MAX_BINS, Math.max(10, b));
    }

    /** ThetaEvolve's default rotation period: population/(islands·10), at least 1 (100 for 10,000 and 10). */
    static int defaultRotateEvery(int populationCap, int islands) {
        return (int) Math.max(1, populationCap / (islands * 10L));
    }

    static void atLeast(String option, long value, long min) {
        if (value < min) throw new IllegalArgumentException(option + " must be >= " + min + ", got '" + value + "'");
    }

    static void atMost(String option, long value, long max) {
        if (value > max) throw new IllegalArgumentException(option + " must be <= " + max + ", got '" + value + "'");
    }
}
