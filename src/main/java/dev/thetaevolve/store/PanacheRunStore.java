package dev.thetaevolve.store;

import dev.thetaevolve.evolve.ChildRecord;
import dev.thetaevolve.evolve.ProgramMeta;
import dev.thetaevolve.evolve.RunStore;
import dev.thetaevolve.evolve.StepSummary;
import dev.thetaevolve.mutate.Parent;

import java.util.List;
import java.util.function.Consumer;

/** The engine's RunStore for one run, over {@link StoreService}. */
public final class PanacheRunStore implements RunStore {
    private final StoreService store;
    private final long runId;

    public PanacheRunStore(StoreService store, long runId) {
        this.store = store;
        this.runId = runId;
    }

    @Override
    public void commitStep(StepSummary step, List<ChildRecord> children) {
        store.commitStep(runId, step, children);
    }

    @Override
    public int committedSteps() {
        return store.committedSteps(runId);
    }

    @Override
    public void forEachProgram(Consumer<ProgramMeta> sink) {
        store.forEachProgram(runId, sink);
    }

    @Override
    public Parent parent(long id) {
        return store.parent(runId, id);
    }
}
