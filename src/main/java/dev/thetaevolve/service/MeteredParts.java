package dev.thetaevolve.service;

import dev.thetaevolve.evolve.ChildRecord;
import dev.thetaevolve.evolve.ProgramMeta;
import dev.thetaevolve.evolve.RunStore;
import dev.thetaevolve.evolve.StepSummary;
import dev.thetaevolve.mutate.MutationRequest;
import dev.thetaevolve.mutate.Mutator;
import dev.thetaevolve.mutate.Parent;
import dev.thetaevolve.mutate.Sample;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Decorators of the engine's seams: metering (so the core stays free of Micrometer) and hooks around a commit. */
final class MeteredParts {
    private MeteredParts() {
    }

    static RunStore store(RunStore inner, RunMetrics metrics) {
        return aroundCommit(inner, step -> { }, metrics::onCommit);
    }

    /** A RunStore that runs {@code before} ahead of every commit (it may throw to refuse it) and {@code after} once it succeeded. */
    static RunStore aroundCommit(RunStore inner, Consumer<StepSummary> before, Consumer<List<ChildRecord>> after) {
        return new RunStore() {
            @Override
            public void commitStep(StepSummary step, List<ChildRecord> children) {
                before.accept(step);
                inner.commitStep(step, children);
                after.accept(children);
            }

            @Override
            public int committedSteps() {
                return inner.committedSteps();
            }

            @Override
            public void forEachProgram(Consumer<ProgramMeta> sink) {
                inner.forEachProgram(sink);
            }

            @Override
            public Parent parent(long id) {
                return inner.parent(id);
            }
        };
    }

    /** Counts language-model samples in flight and their tokens; the built-in mutator is left as it is. */
    static Mutator mutator(Mutator inner, RunMetrics metrics) {
        if (inner.name().equals("builtin")) return inner;
        return new Mutator() {
            @Override
            public List<CompletableFuture<Sample>> sample(MutationRequest request) {
                List<CompletableFuture<Sample>> out = inner.sample(request);
                for (CompletableFuture<Sample> f : out) {
                    metrics.llmRequestStarted();
                    f.whenComplete((s, ex) -> metrics.llmRequestEnded(s == null ? 0 : s.promptTokens(), s == null ? 0 : s.completionTokens()));
                }
                return out;
            }

            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public void stepEnded() {
                inner.stepEnded();
            }

            @Override
            public void outcome(Sample sample, boolean applied, double reward) {
                inner.outcome(sample, applied, reward);
            }

            @Override
            public boolean exhausted() {
                return inner.exhausted();
            }

            @Override
            public String failure() {
                return inner.failure();
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }
}
