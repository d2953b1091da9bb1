package dev.thetaevolve.evolve;

import dev.thetaevolve.mutate.Parent;

import java.util.List;
import java.util.function.Consumer;

/**
 * The engine's view of persistence for one run: append-only programs committed a step at a time. The
 * Panache store implements it; {@link InMemoryRunStore} is the fake beside it.
 */
public interface RunStore {

    /**
     * Commits the step's children and the step record in one transaction: all or nothing.
     *
     * @throws IllegalStateException when that step is already committed (a resumed run redoing a step
     *                               that did commit must never duplicate it)
     */
    void commitStep(StepSummary step, List<ChildRecord> children);

    /** Number of committed steps (the seed commit is step 0 and is not counted). */
    int committedSteps();

    /** Every committed program's metadata, ids ascending (= commit order). */
    void forEachProgram(Consumer<ProgramMeta> sink);

    /** A committed program as a mutator sees it. */
    Parent parent(long id);
}
