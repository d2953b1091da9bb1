package dev.thetaevolve.service;

import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evaluate.WorkerPoolEvaluator;
import dev.thetaevolve.mutate.BuiltinMutator;
import dev.thetaevolve.mutate.MutationPolicy;
import dev.thetaevolve.mutate.Mutator;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the per-run parts whose lifetime is the run: its worker pool and its mutator. */
@ApplicationScoped
public class Components {

    public Evaluator evaluator(int workers) {
        return WorkerPoolEvaluator.builder().workers(workers).build();
    }

    /** The run's mutator; {@code policy} (test-time RL) steers the built-in one when given. */
    public Mutator mutator(RunSettings settings, MutationPolicy policy) {
        if (settings.mutator().equals("builtin")) return policy == null ? BuiltinMutator.create() : BuiltinMutator.builder().policy(policy).build();
        throw new IllegalArgumentException("mutator '" + settings.mutator() + "' is not available in this build");
    }
}
