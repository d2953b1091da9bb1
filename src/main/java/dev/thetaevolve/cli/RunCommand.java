package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.evolve.Engine;
import dev.thetaevolve.evolve.EngineConfig;
import dev.thetaevolve.problem.Mode;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.service.RunService;
import dev.thetaevolve.service.MutatorKind;
import dev.thetaevolve.service.RunNames;
import dev.thetaevolve.service.RunSettings;
import dev.thetaevolve.llm.LlmSettings;
import dev.thetaevolve.rl.BridgeSettings;
import dev.thetaevolve.rl.RewardType;
import dev.thetaevolve.store.RunView;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code run}: starts a new evolution run and drives it to its budget. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Start an evolution run on a problem.")
public class RunCommand implements Callable<Integer> {
    @Option(names = "--problem", required = true, description = "Problem id (see `problems`).")
    String problem;
    @Option(names = "--parents", description = "Parents per step (P), default 32 (construct) or 4 (search).")
    Integer parents;
    @Option(names = "--samples", description = "Samples per parent (K), default 16 (construct) or 2 (search).")
    Integer samples;
    @Option(names = "--mode", description = "construct (solve()) or search (initial/improve/perturb under the harness, warm-started); default: search where the problem has a search seed.")
    String mode;
    @Option(names = "--search-budget-ms", description = "Search mode: each child's harness budget in ms (default: the problem's searchBudgetMillis).")
    Long searchBudgetMillis;
    @Option(names = "--search-starts", description = "Search mode: cold starts of the seed program at step 0, each the root of a lineage (default 4, at most 64).")
    Integer searchStarts;
    @Option(names = "--workers", description = "Worker JVMs evaluating at once (default: cores).")
    Integer workers;
    @Option(names = "--mutator", defaultValue = "builtin", description = "builtin or llm, default ${DEFAULT-VALUE}.")
    String mutator;
    @Option(names = "--seed", description = "Run seed, default 0.")
    Long seed;
    @Option(names = "--run", description = "Run name (default: problem and time).")
    String name;
    @Option(names = "--tolerance", description = "Verification tolerance of the run (default: the problem's, 0 = strict).")
    Double tolerance;
    @Option(names = "--llm-url", description = "OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1.")
    String llmUrl;
    @Option(names = "--llm-model", description = "Model name served there.")
    String llmModel;
    @Option(names = "--llm-key-env", description = "Environment variable holding the API key (never stored).")
    String llmKeyEnv;
    @Option(names = "--llm-endpoint", description = "Another endpoint, URL,MODEL[,WEIGHT] (repeatable); samples are spread by weight or by --llm-select ucb.")
    java.util.List<String> llmMore;
    @Option(names = "--llm-select", description = "How to choose among endpoints: weighted (default) or ucb (reward per token).")
    String llmSelect;
    @Option(names = "--llm-no-n", description = "Send K requests of one sample each (servers without `n`: Ollama, llama.cpp).")
    boolean llmNoN;
    @Option(names = "--llm-token-budget", defaultValue = "0", description = "Stop sampling cleanly after this many tokens (0 = no budget).")
    long llmTokenBudget;
    @Option(names = "--llm-timeout", description = "Per-request timeout: 300, 90s, 5m (default 5m: a slow 8B model writes 4k tokens well within it).")
    String llmTimeout;
    @Option(names = "--llm-max-failures", description = "Stop the run FAILED after this many requests in a row failed (default 64, 0 = never).")
    Integer llmMaxFailures;
    @Option(names = "--llm-max-retry-wait", description = "Longest Retry-After (429, 503) honoured before a retry (default 2m).")
    String llmMaxRetryWait;
    @Option(names = "--trainer-url", description = "Trainer bridge: POST each step's GRPO groups (JSONL) here (LLM runs).")
    String trainerUrl;
    @Option(names = "--reload", defaultValue = "none", description = "After training, reload weights on: vllm, sglang or none.")
    String reload;
    @Option(names = "--reload-url", description = "The inference server's root URL for the reload call.")
    String reloadUrl;
    @Option(names = "--adapter", defaultValue = RunSettings.DEFAULT_ADAPTER, description = "vLLM LoRA adapter name ({step} is replaced).")
    String adapter;
    @Option(names = "--keep-adapters", description = "vLLM: LoRA adapters kept loaded, the newest included (default 2, 0 = never unload).")
    Integer keepAdapters;
    @Option(names = "--weights-path", description = "Where the trainer writes weights ({step} is replaced), unless it answers weights_path.")
    String weightsPath;
    @Option(names = "--no-wait-weights", description = "Go on sampling while the trainer works (off-policy).")
    boolean noWaitWeights;
    @Option(names = "--lazy-level2", description = "Also penalize children equal to any program of the run.")
    boolean lazyLevel2;
    @Option(names = "--async", description = "Steady-state mode without a step barrier (inference only).")
    boolean async;
    @Option(names = "--rl", description = "Test-time RL: the built-in mutator becomes a policy updated by GRPO after each step.")
    boolean rl;
    @Option(names = "--reward", description = "RL reward: raw, shaped, improvement or validity (default raw).")
    String reward;
    @Option(names = "--evaluators", description = "Where candidates are evaluated: local, or amqp://host[:port][/vhost][?queue=NAME] for evaluator processes (see `evaluator`); default thetaevolve.evaluators, else local.")
    String evaluators;
    @Option(names = "--rl-lr", description = "RL learning rate (Adam), default " + RunSettings.DEFAULT_RL_LEARNING_RATE + " for the built-in policy.")
    Double rlLearningRate;
    @Mixin
    BudgetOptions budget;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "thetaevolve.llm.url")
    java.util.Optional<String> defaultLlmUrl;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "thetaevolve.llm.model")
    java.util.Optional<String> defaultLlmModel;
    @Inject
    RunService runs;
    @Inject
    ProblemCatalog catalog;
    @Inject
    ObjectMapper json;
    @Inject
    dev.thetaevolve.service.RunLimits limits;

    private RunSettings.LlmLimits llmLimits() {
        if (llmTimeout == null && llmMaxFailures == null && llmMaxRetryWait == null) return null;
        if (llmTimeout != null) dev.thetaevolve.llm.LlmSettings.parseDuration("--llm-timeout", llmTimeout);
        if (llmMaxRetryWait != null) dev.thetaevolve.llm.LlmSettings.parseDuration("--llm-max-retry-wait", llmMaxRetryWait);
        if (llmMaxFailures != null && llmMaxFailures < 0) {
            throw new IllegalArgumentException("--llm-max-failures must be >= 0 (0 = never give up), got " + llmMaxFailures);
        }
        return new RunSettings.LlmLimits(llmTimeout, llmMaxFailures, llmMaxRetryWait);
    }

    @Override
    public Integer call() {
        if (catalog.spec(problem).isEmpty()) throw new UsageError("unknown problem '" + problem + "'; run `problems` to list them");
        budget.check();
        RunSettings settings;
        try {
            settings = RunSettings.builder().forProblem(catalog.spec(problem).get())
                    .mutator(MutatorKind.parse(mutator)).steps(budget.steps).minutes(budget.minutes).workers(workers)
                    .parents(parents).samples(samples).seed(seed).tolerance(tolerance).lazyLevel2(lazyLevel2).async(async)
                    .mode(mode == null ? null : Mode.parse(mode)).searchBudgetMillis(searchBudgetMillis).searchStarts(searchStarts)
                    // THETAEVOLVE_LLM_URL / THETAEVOLVE_LLM_MODEL (k8s ConfigMap) are the defaults of the flags
                    .llmUrl(llmUrl).llmModel(llmModel).llmDefaults(defaultLlmUrl.orElse(null), defaultLlmModel.orElse(null))
                    .llmKeyEnv(llmKeyEnv).llmNoN(llmNoN).llmTokenBudget(llmTokenBudget).llmMore(llmMore)
                    .llmSelect(llmSelect == null ? null : parseSelection(llmSelect))
                    .rl(rl).reward(reward == null ? null : RewardType.parse(reward)).rlLearningRate(rlLearningRate)
                    .trainer(trainerUrl == null ? null : new RunSettings.Trainer(trainerUrl, BridgeSettings.Inference.parse(reload), reloadUrl,
                            adapter, weightsPath, !noWaitWeights, keepAdapters))
                    .evaluators(evaluators).llmLimits(llmLimits())
                    .build();
            if (settings.mutator() == MutatorKind.LLM) dev.thetaevolve.service.Components.llmSettings(settings); // fail before the run exists
            limits.check(settings); // the service's limits hold for the CLI too: exit 2 naming the limit
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageError(e.getMessage());
        }
        String runName = name != null ? name : RunNames.generate(problem);
        RunView run;
        try {
            run = runs.create(runName, settings);
        } catch (IllegalStateException e) {
            throw new UsageError(e.getMessage());
        }
        return Drive.drive(runs, run, settings, budget.json, json, budget.db);
    }

    private static LlmSettings.Selection parseSelection(String word) {
        return switch (word.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "weighted" -> LlmSettings.Selection.WEIGHTED;
            case "ucb" -> LlmSettings.Selection.UCB;
            default -> throw new IllegalArgumentException("--llm-select must be weighted or ucb, got '" + word + "'");
        };
    }
}
