package dev.thetaevolve.llm;

import java.util.List;

/**
 * A decoded completion response, the same shape for chat and plain completions.
 *
 * @param choices never empty (an empty {@code choices} array is a {@link FailureCause#MALFORMED} failure)
 * @param usage   the server's token counts, or null when it sent none
 */
public record LlmResponse(String id, String model, List<Choice> choices, Usage usage) {
    public LlmResponse {
        choices = List.copyOf(choices);
    }

    /**
     * One sample.
     *
     * @param text         chat message content or completion text; may hold a {@code <think>} section
     * @param reasoning    reasoning the server split off itself ({@code reasoning_content} with a reasoning
     *                     parser), or null
     * @param finishReason "stop", "length", ... or null
     * @param logprobs     sampled tokens with their log-probabilities when asked for, else empty
     */
    public record Choice(int index, String text, String reasoning, String finishReason, List<TokenLogprob> logprobs) {
        public Choice {
            text = text == null ? "" : text;
            logprobs = logprobs == null ? List.of() : List.copyOf(logprobs);
        }
    }

    /**
     * @param reasoningTokens {@code completion_tokens_details.reasoning_tokens} when the server reports it,
     *                        else null
     */
    public record Usage(int promptTokens, int completionTokens, Integer reasoningTokens) {
    }

    /** A sampled token and its log-probability. */
    public record TokenLogprob(String token, double logprob) {
    }
}
