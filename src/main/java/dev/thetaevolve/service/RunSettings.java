package dev.thetaevolve.service;

import dev.thetaevolve.evolve.EngineConfig;

/**
 * What a user asks of a run, as stored with it (JSON). Never holds an API key: only the name of the
 * environment variable that has it.
 *
 * @param steps     steps to run (0 = no step limit)
 * @param minutes   wall-clock budget (0 = none)
 * @param workers   worker JVMs for this run
 */
public record RunSettings(String problem, String mutator, int steps, double minutes, int workers, EngineConfig engine,
                          String llmUrl, String llmModel, String llmKeyEnv, boolean llmNoN, long llmTokenBudget,
                          boolean rl, String reward, double rlLearningRate, Trainer trainer,
                          java.util.List<String> llmMore, String llmSelect) {

    /**
     * The trainer bridge of an LLM run (test-time RL for model weights): where the step's GRPO groups are
     * POSTed, and which inference server reloads the new weights.
     *
     * @param reload      vllm, sglang or none
     * @param waitWeights whether the next step waits for the reload (on-policy) or goes on
     */
    public record Trainer(String url, String reload, String reloadUrl, String adapter, String weightsPath, boolean waitWeights) {
    }

    public RunSettings {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got '" + steps + "'");
        if (!(minutes >= 0)) throw new IllegalArgumentException("minutes must be >= 0, got '" + minutes + "'");
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got '" + workers + "'");
        if (!mutator.equals("builtin") && !mutator.equals("llm")) {
            throw new IllegalArgumentException("mutator must be builtin or llm, got '" + mutator + "'");
        }
        if (mutator.equals("llm") && (llmUrl == null || llmModel == null)) {
            throw new IllegalArgumentException("--mutator llm needs --llm-url and --llm-model");
        }
        llmMore = llmMore == null ? java.util.List.of() : java.util.List.copyOf(llmMore);
        if (llmSelect != null && !llmSelect.equals("weighted") && !llmSelect.equals("ucb")) {
            throw new IllegalArgumentException("llm selection must be weighted or ucb, got '" + llmSelect + "'");
        }
        if (llmTokenBudget < 0) throw new IllegalArgumentException("llm token budget must be >= 0, got '" + llmTokenBudget + "'");
        if (rl && !mutator.equals("builtin")) {
            throw new IllegalArgumentException("--rl trains the built-in mutation policy; for a language model use the trainer bridge");
        }
        if (reward != null) dev.thetaevolve.rl.RewardType.parse(reward);
        if (trainer != null && !mutator.equals("llm")) {
            throw new IllegalArgumentException("--trainer-url feeds a language model's trainer; it needs --mutator llm");
        }
        if (rlLearningRate < 0 || Double.isNaN(rlLearningRate)) throw new IllegalArgumentException("rl learning rate must be > 0, got '" + rlLearningRate + "'");
    }

    /** A run of the built-in mutator with every LLM and RL option off. */
    public static RunSettings builtin(String problem, int steps, double minutes, int workers, EngineConfig engine) {
        return new RunSettings(problem, "builtin", steps, minutes, workers, engine, null, null, null, false, 0, false, null, 0, null,
                java.util.List.of(), null);
    }

    /** The same settings with a new budget (resume). */
    public RunSettings withBudget(int newSteps, double newMinutes) {
        return new RunSettings(problem, mutator, newSteps, newMinutes, workers, engine, llmUrl, llmModel, llmKeyEnv, llmNoN, llmTokenBudget,
                rl, reward, rlLearningRate, trainer, llmMore, llmSelect);
    }
}
