package dev.thetaevolve.service;

import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evaluate.WorkerPoolEvaluator;
import dev.thetaevolve.llm.ApiKey;
import dev.thetaevolve.llm.LlmEndpoint;
import dev.thetaevolve.llm.LlmSettings;
import dev.thetaevolve.llm.SamplingClient;
import dev.thetaevolve.llm.SamplingParams;
import dev.thetaevolve.llm.TokenCounter;
import dev.thetaevolve.llm.rest.RestLlmClient;
import dev.thetaevolve.rl.BridgeSettings;
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
        if (settings.mutator().equals("llm")) {
            // inside the application the wire is the Quarkus REST Client (Mutiny); the JDK client stays for plain Java use
            LlmSettings s = llmSettings(settings);
            return LlmMutator.create(new SamplingClient(s, e -> new RestLlmClient(e.baseUrl(), e.apiKey()),
                    TokenCounter.open(s.tokenizer()), new java.util.SplittableRandom()));
        }
        throw new IllegalArgumentException("unknown mutator '" + settings.mutator() + "'");
    }

    /** The trainer bridge settings of an LLM run, or null when it has none. */
    public static BridgeSettings bridgeSettings(RunSettings s, String runName) {
        RunSettings.Trainer t = s.trainer();
        if (t == null) return null;
        BridgeSettings.Builder b = BridgeSettings.builder().run(runName).trainer(t.url())
                .inference(BridgeSettings.Inference.parse(t.reload() == null ? "none" : t.reload()))
                .waitForWeights(t.waitWeights());
        if (t.reloadUrl() != null) b.inferenceUrl(t.reloadUrl());
        if (t.adapter() != null) b.adapterName(t.adapter());
        if (t.weightsPath() != null) b.weightsPath(t.weightsPath());
        return b.build();
    }

    /** The LLM client settings of a run; the key is read from the named environment variable, never stored. */
    public static LlmSettings llmSettings(RunSettings s) {
        ApiKey key = s.llmKeyEnv() == null ? null : ApiKey.fromEnvironment(s.llmKeyEnv(), System.getenv());
        LlmSettings.Builder b = LlmSettings.builder().endpoint(LlmEndpoint.of(s.llmUrl(), s.llmModel(), key)).useN(!s.llmNoN());
        for (String more : s.llmMore()) b.endpoint(endpoint(more, key));
        if ("ucb".equals(s.llmSelect())) b.selection(LlmSettings.Selection.UCB);
        // a trainer needs the sampled tokens' log-probabilities for its PPO ratios
        if (s.trainer() != null) b.params(withLogprobs(SamplingParams.defaults()));
        if (s.llmTokenBudget() > 0) b.tokenBudget(s.llmTokenBudget());
        return b.build();
    }

    /** One more endpoint from {@code URL,MODEL[,WEIGHT]} (the --llm-endpoint flag); it shares the run's key. */
    static LlmEndpoint endpoint(String spec, ApiKey key) {
        String[] parts = spec.split(",");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("--llm-endpoint takes URL,MODEL[,WEIGHT], got '" + spec + "'");
        }
        LlmEndpoint e = LlmEndpoint.of(parts[0].strip(), parts[1].strip(), key);
        if (parts.length == 3) {
            try {
                e = e.withWeight(Double.parseDouble(parts[2].strip()));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("--llm-endpoint weight must be a number, got '" + parts[2] + "'");
            }
        }
        return e;
    }

    private static SamplingParams withLogprobs(SamplingParams p) {
        return new SamplingParams(p.n(), p.temperature(), p.topP(), p.maxTokens(), 0, p.stop());
    }
}
