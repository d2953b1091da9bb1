package dev.thetaevolve.service;

import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evaluate.WorkerPoolEvaluator;
import dev.thetaevolve.mutate.BuiltinMutator;
import dev.thetaevolve.mutate.Mutator;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the per-run parts whose lifetime is the run: its worker pool and its mutator. */
@ApplicationScoped
public class Components {

    public Evaluator evaluator(int workers) {
        return WorkerPoolEvaluator.builder().workers(workers).build();
    }

    public Mutator mutator(RunSettings settings) {
        if (settings.mutator().equals("builtin")) return BuiltinMutator.create();
        throw new IllegalArgumentException("mutator '" + settings.mutator() + "' is not available in this build");
    }
}
