package dev.thetaevolve.llm;

import java.time.Duration;
import java.util.List;

/**
 * A successful call with its accounting.
 *
 * @param choiceTokens     per choice: reasoning and answer tokens (counted with the configured
 *                         {@link TokenCounter}; exact with a tokenizer.json)
 * @param promptTokens     the server's count when it sent usage, else counted
 * @param completionTokens all generated tokens of the call, all choices
 * @param reasoningTokens  of those, inside {@code <think>} (or in {@code reasoning_content})
 * @param cost             at the endpoint's prices (0 when none configured)
 * @param attempts         HTTP attempts it took (1 = no retry)
 * @param latency          wall time of the successful attempt
 */
public record Completion(LlmEndpoint endpoint, LlmResponse response, List<ChoiceTokens> choiceTokens, int promptTokens,
                         int completionTokens, int reasoningTokens, double cost, int attempts, Duration latency) {
    public Completion {
        choiceTokens = List.copyOf(choiceTokens);
    }

    public int answerTokens() {
        return Math.max(0, completionTokens - reasoningTokens);
    }

    /** Tokens of one choice, split at the reasoning section. */
    public record ChoiceTokens(int reasoning, int answer) {
        public int total() {
            return reasoning + answer;
        }
    }
}
