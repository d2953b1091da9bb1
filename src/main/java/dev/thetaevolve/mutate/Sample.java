package dev.thetaevolve.mutate;

/**
 * One raw sample from a mutator: text holding SEARCH/REPLACE blocks (or one fenced java block for a full
 * rewrite), exactly what the apply and lazy path consumes.
 *
 * @param text             the raw answer, possibly with a {@code <think>} section
 * @param summary          a one-line description of the mutation, for the store
 * @param promptTokens     tokens sent (0 for the built-in mutator)
 * @param reasoningTokens  tokens inside {@code <think>} (0 when none)
 * @param completionTokens tokens generated in all
 * @param model            which model or mutator produced it
 * @param prompt           the prompt the model saw (system and user text), for RL rollouts; null for the built-in mutator
 * @param logprobs         per-token log-probabilities of the sample when the server returned them; else empty
 * @param decision         the number under which a learning mutation policy remembers the choice that made this
 *                         sample ({@link MutationPolicy.Choice#decision()}); null when no learning policy chose it
 */
public record Sample(String text, String summary, int promptTokens, int reasoningTokens, int completionTokens, String model,
                     String prompt, java.util.List<Double> logprobs, Long decision) {
    public Sample {
        logprobs = logprobs == null ? java.util.List.of() : java.util.List.copyOf(logprobs);
    }

    public Sample(String text, String summary, int promptTokens, int reasoningTokens, int completionTokens, String model,
                  String prompt, java.util.List<Double> logprobs) {
        this(text, summary, promptTokens, reasoningTokens, completionTokens, model, prompt, logprobs, null);
    }

    /** The same sample, made by the policy decision numbered {@code decision} (null: none). */
    public Sample withDecision(Long decision) {
        return new Sample(text, summary, promptTokens, reasoningTokens, completionTokens, model, prompt, logprobs, decision);
    }

    public Sample(String text, String summary, int promptTokens, int reasoningTokens, int completionTokens, String model) {
        this(text, summary, promptTokens, reasoningTokens, completionTokens, model, null, java.util.List.of());
    }

    public static Sample builtin(String text, String summary) {
        return new Sample(text, summary, 0, 0, 0, "builtin");
    }
}
