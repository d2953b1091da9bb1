package dev.thetaevolve.store;

import java.time.Instant;

/**
 * A run row as the rest of the application sees it: a snapshot, read in one transaction. Entities stay in
 * this package (ArchitectureTest); changes go through the store's methods.
 *
 * @param config the run's settings as stored (JSON, never an API key)
 */
public record RunView(long id, String name, String problem, String mutator, String config, long seed, RunStatus status,
                      int committedSteps, long programs, long evaluations, Double bestScore, Long bestProgram, Double seedScore,
                      String message, String leaseOwner, Instant leaseUntil, Integer targetStep, Long budgetMillis, long drivenMillis,
                      Instant createdAt, Instant updatedAt) {

    static RunView of(RunEntity e) {
        return e == null ? null : new RunView(e.id, e.name, e.problem, e.mutator, e.config, e.seed, e.status, e.committedSteps, e.programs,
                e.evaluations, e.bestScore, e.bestProgram, e.seedScore, e.message, e.leaseOwner, e.leaseUntil, e.targetStep, e.budgetMillis,
                e.drivenMillis, e.createdAt, e.updatedAt);
    }
}
