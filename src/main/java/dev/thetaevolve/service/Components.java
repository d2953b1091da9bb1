package dev.thetaevolve.service;

import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evaluate.WorkerPoolEvaluator;
import dev.thetaevolve.remote.BrokerAddress;
import dev.thetaevolve.remote.RemoteEvaluator;
import dev.thetaevolve.llm.ApiKey;
import dev.thetaevolve.llm.LlmEndpoint;
import dev.thetaevolve.llm.LlmSettings;
import dev.thetaevolve.llm.SamplingClient;
import dev.thetaevolve.llm.SamplingParams;
import dev.thetaevolve.llm.TokenCounter;
import dev.thetaevolve.llm.rest.RestLlmClient;
import dev.thetaevolve.mutate.BuiltinMutator;
import dev.thetaevolve.mutate.LlmMutator;
import dev.thetaevolve.mutate.MutationPolicy;
import dev.thetaevolve.mutate.Mutator;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;

/** Builds the per-run parts whose lifetime is the run: its worker pool and its mutator. */
@ApplicationScoped
public class Components {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "thetaevolve.evaluators")
    java.util.Optional<String> defaultEvaluators = java.util.Optional.empty();
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "thetaevolve.broker.username")
    java.util.Optional<String> brokerUsername = java.util.Optional.empty();
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "thetaevolve.broker.password")
    java.util.Optional<String> brokerPassword = java.util.Optional.empty();

    /**
     * Wall-clock limit for compiling and scanning one candidate; a compile past it is TIMEOUT and not retried.
     * The initial values are what the commands that start without Quarkus (PlainCommands) get.
     */
    @ConfigProperty(name = "thetaevolve.eval.compile-timeout", defaultValue = "20s")
    java.time.Duration compileTimeout = java.time.Duration.ofSeconds(20);

    public Evaluator evaluator(int workers) {
        return WorkerPoolEvaluator.builder().workers(workers).compileTimeoutMillis(compileTimeout.toMillis()).build();
    }

    /**
     * A run's evaluator: its worker pool, or evaluator processes behind a broker when the run (or else the
     * service, {@code thetaevolve.evaluators}) names one.
     *
     * @throws dev.thetaevolve.evaluate.EvaluatorUnavailableException when that broker cannot be reached
     */
    public Evaluator evaluator(RunSettings settings) {
        String where = evaluatorsOf(settings);
        if (where == null) return evaluator(settings.workers());
        Map<String, String> credentials = new HashMap<>();
        brokerUsername.filter(u -> !u.isBlank()).ifPresent(u -> credentials.put(BrokerAddress.USERNAME_ENV, u));
        brokerPassword.ifPresent(p -> credentials.put(BrokerAddress.PASSWORD_ENV, p));
        return RemoteEvaluator.builder().broker(BrokerAddress.parseForStorage(where)).environment(credentials).build();
    }

    /** The broker URI a run evaluates through, or null for local worker JVMs. */
    public String evaluatorsOf(RunSettings settings) {
        String where = settings.evaluators() != null ? settings.evaluators()
                : defaultEvaluators == null ? null : defaultEvaluators.filter(s -> !s.isBlank()).orElse(null);
        return where == null || where.equals("local") ? null : where;
    }

    /** The run's mutator; {@code policy} (test-time RL) steers the built-in one when given. */
    public Mutator mutator(RunSettings settings, MutationPolicy policy) {
        return switch (settings.mutator()) {
            case BUILTIN -> policy == null ? BuiltinMutator.create() : BuiltinMutator.builder().policy(policy).build();
            case LLM -> {
                // inside the application the wire is the Quarkus REST Client (Mutiny); the JDK client stays for plain Java use
                LlmSettings s = llmSettings(settings);
                yield LlmMutator.create(new SamplingClient(s, e -> new RestLlmClient(e.baseUrl(), e.apiKey()),
                        TokenCounter.open(s.tokenizer()), new java.util.SplittableRandom()));
            }
        };
    }

    /** The LLM client settings of a run; the key is read from the named environment variable, never stored. */
    public static LlmSettings llmSettings(RunSettings s) {
        ApiKey key = s.llmKeyEnv() == null ? null : ApiKey.fromEnvironment(s.llmKeyEnv(), System.getenv());
        LlmSettings.Builder b = LlmSettings.builder().endpoint(LlmEndpoint.of(s.llmUrl(), s.llmModel(), key)).useN(!s.llmNoN());
        for (String more : s.llmMore()) b.endpoint(endpoint(more, key));
        b.selection(s.llmSelect());
        // a trainer needs the sampled tokens' log-probabilities for its PPO ratios
        if (s.trainer() != null) b.params(withLogprobs(SamplingParams.defaults()));
        if (s.llmTokenBudget() > 0) b.tokenBudget(s.llmTokenBudget());
        RunSettings.LlmLimits l = s.llmLimits();
        if (l != null) {
            if (l.timeout() != null) b.requestTimeout(LlmSettings.parseDuration("--llm-timeout", l.timeout()));
            if (l.maxFailures() != null) b.maxConsecutiveFailures(l.maxFailures());
            if (l.maxRetryWait() != null) b.maxRetryWait(LlmSettings.parseDuration("--llm-max-retry-wait", l.maxRetryWait()));
        }
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
