package dev.thetaevolve.service;

import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evaluate.WorkerPoolEvaluator;
import dev.thetaevolve.llm.ApiKey;
import dev.thetaevolve.llm.LlmEndpoint;
import dev.thetaevolve.llm.LlmSettings;
import dev.thetaevolve.mutate.BuiltinMutator;
import dev.thetaevolve.mutate.LlmMutator;
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
        if (settings.mutator().equals("llm")) return LlmMutator.create(llmSettings(settings));
        throw new IllegalArgumentException("unknown mutator '" + settings.mutator() + "'");
    }

    /** The LLM client settings of a run; the key is read from the named environment variable, never stored. */
    public static LlmSettings llmSettings(RunSettings s) {
        ApiKey key = s.llmKeyEnv() == null ? null : ApiKey.fromEnvironment(s.llmKeyEnv(), System.getenv());
        LlmSettings.Builder b = LlmSettings.builder().endpoint(LlmEndpoint.of(s.llmUrl(), s.llmModel(), key)).useN(!s.llmNoN());
        if (s.llmTokenBudget() > 0) b.tokenBudget(s.llmTokenBudget());
        return b.build();
    }
}
