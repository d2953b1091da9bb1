package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.evolve.Engine;
import dev.thetaevolve.evolve.EngineConfig;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.service.RunService;
import dev.thetaevolve.service.RunSettings;
import dev.thetaevolve.store.RunEntity;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** {@code run}: starts a new evolution run and drives it to its budget. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Start an evolution run on a problem.")
public class RunCommand implements Callable<Integer> {
    @Option(names = "--problem", required = true, description = "Problem id (see `problems`).")
    String problem;
    @Option(names = "--parents", defaultValue = "32", description = "Parents per step (P), default ${DEFAULT-VALUE}.")
    int parents;
    @Option(names = "--samples", defaultValue = "16", description = "Samples per parent (K), default ${DEFAULT-VALUE}.")
    int samples;
    @Option(names = "--workers", description = "Worker JVMs evaluating at once (default: cores).")
    Integer workers;
    @Option(names = "--mutator", defaultValue = "builtin", description = "builtin or llm, default ${DEFAULT-VALUE}.")
    String mutator;
    @Option(names = "--seed", defaultValue = "0", description = "Run seed, default ${DEFAULT-VALUE}.")
    long seed;
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
    @Option(names = "--trainer-url", description = "Trainer bridge: POST each step's GRPO groups (JSONL) here (LLM runs).")
    String trainerUrl;
    @Option(names = "--reload", defaultValue = "none", description = "After training, reload weights on: vllm, sglang or none.")
    String reload;
    @Option(names = "--reload-url", description = "The inference server's root URL for the reload call.")
    String reloadUrl;
    @Option(names = "--adapter", defaultValue = "thetaevolve-{step}", description = "vLLM LoRA adapter name ({step} is replaced).")
    String adapter;
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
    @Option(names = "--rl-lr", description = "RL learning rate (Adam), default 1e-2 for the built-in policy.")
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

    @Override
    public Integer call() {
        if (catalog.spec(problem).isEmpty()) throw new UsageError("unknown problem '" + problem + "'; run `problems` to list them");
        if (mutator.equals("llm")) {
            // THETAEVOLVE_LLM_URL / THETAEVOLVE_LLM_MODEL (k8s ConfigMap) are the defaults of the flags
            if (llmUrl == null) llmUrl = defaultLlmUrl.filter(u -> !u.isBlank()).orElse(null);
            if (llmModel == null) llmModel = defaultLlmModel.filter(m -> !m.isBlank()).orElse(null);
        }
        int w = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        EngineConfig engine;
        RunSettings settings;
        try {
            engine = EngineConfig.builder().parents(parents).samples(samples).seed(seed)
                    .tolerance(tolerance == null ? catalog.spec(problem).get().defaultTolerance() : tolerance)
                    .lazyLevel2(lazyLevel2).async(async).build();
            settings = new RunSettings(problem, mutator, budget.stepsOrDefault(), budget.minutesOrZero(), w, engine, llmUrl, llmModel, llmKeyEnv,
                    llmNoN, llmTokenBudget, rl, reward, rlLearningRate == null ? 0 : rlLearningRate,
                    trainerUrl == null ? null : new RunSettings.Trainer(trainerUrl, reload, reloadUrl, adapter, weightsPath, !noWaitWeights),
                    llmMore, llmSelect);
            if (trainerUrl != null) dev.thetaevolve.service.Components.bridgeSettings(settings, "check"); // fail before the run exists
            if (async && rl) throw new UsageError("--rl needs the step barrier; drop --async");
            if (mutator.equals("llm")) dev.thetaevolve.service.Components.llmSettings(settings); // fail before the run exists
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageError(e.getMessage());
        }
        String runName = name != null ? name : problem + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        RunEntity run;
        try {
            run = runs.create(runName, settings);
        } catch (IllegalStateException e) {
            throw new UsageError(e.getMessage());
        }
        return Drive.drive(runs, run, settings, budget.json, json);
    }
}
