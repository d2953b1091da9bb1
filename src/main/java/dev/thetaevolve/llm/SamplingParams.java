package dev.thetaevolve.llm;

import java.util.List;

/**
 * Sampling settings of one OpenAI-compatible request.
 *
 * @param n           samples per request (the server batches them and shares the prompt's KV cache)
 * @param temperature sampling temperature, &gt;= 0
 * @param topP        nucleus mass in (0, 1]
 * @param maxTokens   cap on generated tokens per sample
 * @param logprobs    when &gt;= 0, ask for the sampled tokens' log-probabilities with this many alternatives
 *                    (RL needs them); -1 = do not ask
 * @param stop        stop sequences, may be empty
 */
public record SamplingParams(int n, double temperature, double topP, int maxTokens, int logprobs, List<String> stop) {
    public SamplingParams {
        stop = stop == null ? List.of() : List.copyOf(stop);
        if (n < 1) throw new IllegalArgumentException("n must be >= 1, got " + n);
        if (!(temperature >= 0) || Double.isInfinite(temperature)) throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("top_p must be in (0, 1], got " + topP);
        if (maxTokens < 1) throw new IllegalArgumentException("max_tokens must be >= 1, got " + maxTokens);
        if (logprobs < -1 || logprobs > 20) throw new IllegalArgumentException("logprobs must be -1 (off) or 0..20, got " + logprobs);
    }

    /** ThetaEvolve-like defaults: one sample, temperature 1.0, top_p 1.0, 16,384 tokens, no logprobs. */
    public static SamplingParams defaults() {
        return new SamplingParams(1, 1.0, 1.0, 16_384, -1, List.of());
    }

    public SamplingParams withN(int samples) {
        return new SamplingParams(samples, temperature, topP, maxTokens, logprobs, stop);
    }
}
