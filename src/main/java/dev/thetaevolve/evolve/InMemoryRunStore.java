package dev.thetaevolve.evolve;

import dev.thetaevolve.mutate.Parent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A RunStore in memory: the real fake for engine tests and throwaway runs. Not thread-safe. */
public final class InMemoryRunStore implements RunStore {
    private final List<ChildRecord> programs = new ArrayList<>();
    private final List<StepSummary> steps = new ArrayList<>();

    @Override
    public void commitStep(StepSummary step, List<ChildRecord> children) {
        int expected = programs.isEmpty() ? 0 : committedSteps() + 1;
        if (step.step() != expected) {
            throw new IllegalStateException("step " + step.step() + " is out of order; committed: " + committedSteps());
        }
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).id() != programs.size() + i) {
                throw new IllegalStateException("program id " + children.get(i).id() + " out of order, expected " + (programs.size() + i));
            }
        }
        steps.add(step);
        programs.addAll(children);
    }

    @Override
    public int committedSteps() {
        return (int) steps.stream().filter(s -> s.step() > 0).count();
    }

    @Override
    public void forEachProgram(Consumer<ProgramMeta> sink) {
        for (ChildRecord c : programs) {
            sink.accept(new ProgramMeta(c.id(), c.parentId(), c.island(), c.generation(), c.step(), c.valid(), c.score(),
                    c.code() == null ? 0 : c.code().length(), c.normalizedHash()));
        }
    }

    @Override
    public Parent parent(long id) {
        ChildRecord c = programs.get((int) id);
        return new Parent(c.id(), c.code(), c.score(), c.metrics(), c.feedback(), c.construction());
    }

    public List<ChildRecord> programs() {
        return List.copyOf(programs);
    }
}
