package dev.thetaevolve.database;

import java.util.List;

/**
 * A snapshot of the database's shape; equal snapshots from two runs fed the same operations are expected.
 *
 * @param size              programs held
 * @param islandSizes       members per island (a migrated program counts on every island it is on)
 * @param islandGenerations generation of each island
 * @param archiveSize       elites in the archive
 * @param occupiedCells     MAP-Elites cells holding at least one program
 * @param currentIsland     the island parents are drawn for
 * @param committed         programs committed since creation (evicted ones included)
 * @param evictions         programs evicted
 * @param migrations        migration rounds performed
 * @param migratedCopies    memberships added by migrations
 * @param rebins            times the adaptive grid bounds moved and every program was re-binned
 * @param bestFitness       fitness of the best program, NaN when empty
 */
public record Stats(
        int size,
        List<Integer> islandSizes,
        List<Long> islandGenerations,
        int archiveSize,
        int occupiedCells,
        int currentIsland,
        long committed,
        long evictions,
        long migrations,
        long migratedCopies,
        long rebins,
        double bestFitness) {
    public Stats {
        islandSizes = List.copyOf(islandSizes);
        islandGenerations = List.copyOf(islandGenerations);
    }
}
