package dev.thetaevolve.llm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@link SamplingClient} and the LLM mutator need; built by {@link #builder()}, which
 * validates each option and names it in the message. The API keys inside the endpoints are redacted in
 * {@code toString}.
 *
 * @param endpoints         one or more models; several are chosen by weight or by {@link Selection#UCB}
 * @param maxInFlight       requests in flight at once, over all endpoints (default 32)
 * @param requestTimeout    per HTTP attempt; an attempt over it is aborted and fails with TIMEOUT
 * @param maxAttempts       attempts per request, the first included (default 4)
 * @param backoffBase       first retry delay before jitter; doubles per retry up to {@code backoffMax}
 * @param tokenBudget       run-level prompt + completion tokens, 0 = unlimited
 * @param costBudget        run-level cost at the endpoints' prices, 0 = unlimited
 * @param params            sampling parameters; {@code n} is set per request from the samples asked for
 * @param useN              true: one request with n = K per parent; false: K requests with n = 1 (servers
 *                          without {@code n}, such as llama.cpp server and Ollama)
 * @param tokenizer         a HuggingFace tokenizer.json for exact prompt counts, or null (chars/4 estimate)
 * @param promptTokenBudget prompt size above which inspirations, then feedback, are trimmed
 */
public record LlmSettings(List<LlmEndpoint> endpoints, Selection selection, double ucbExploration, int maxInFlight,
                          Duration requestTimeout, int maxAttempts, Duration backoffBase, Duration backoffMax,
                          long tokenBudget, double costBudget, SamplingParams params, boolean useN, Path tokenizer,
                          int promptTokenBudget) {

    public enum Selection { WEIGHTED, UCB }

    public LlmSettings {
        endpoints = List.copyOf(endpoints);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Validating builder; defaults follow ThetaEvolve where it has one. */
    public static final class Builder {
        private final List<LlmEndpoint> endpoints = new ArrayList<>();
        private Selection selection = Selection.WEIGHTED;
        private double ucbExploration = 1.0;
        private int maxInFlight = 32;
        private Duration requestTimeout = Duration.ofMinutes(10);
        private int maxAttempts = 4;
        private Duration backoffBase = Duration.ofMillis(500);
        private Duration backoffMax = Duration.ofSeconds(30);
        private long tokenBudget;
        private double costBudget;
        private SamplingParams params = SamplingParams.defaults();
        private boolean useN = true;
        private Path tokenizer;
        private int promptTokenBudget = 24_000;

        public Builder endpoint(LlmEndpoint e) {
            for (LlmEndpoint x : endpoints) {
                if (x.name().equals(e.name())) throw new IllegalArgumentException("llm endpoint name '" + e.name() + "' is used twice");
            }
            endpoints.add(e);
            return this;
        }

        public Builder selection(Selection s) {
            this.selection = s;
            return this;
        }

        public Builder ucbExploration(double c) {
            if (!(c >= 0) || Double.isInfinite(c)) throw new IllegalArgumentException("ucb exploration must be >= 0, got " + c);
            this.ucbExploration = c;
            return this;
        }

        public Builder maxInFlight(int n) {
            if (n < 1) throw new IllegalArgumentException("max in flight must be >= 1, got " + n);
            this.maxInFlight = n;
            return this;
        }

        public Builder requestTimeout(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException("request timeout must be > 0, got " + d);
            this.requestTimeout = d;
            return this;
        }

        public Builder maxAttempts(int n) {
            if (n < 1) throw new IllegalArgumentException("max attempts must be >= 1, got " + n);
            this.maxAttempts = n;
            return this;
        }

        public Builder backoff(Duration base, Duration max) {
            if (base == null || base.isNegative()) throw new IllegalArgumentException("backoff base must be >= 0, got " + base);
            if (max == null || max.compareTo(base) < 0) throw new IllegalArgumentException("backoff max must be >= backoff base, got " + max);
            this.backoffBase = base;
            this.backoffMax = max;
            return this;
        }

        public Builder tokenBudget(long tokens) {
            if (tokens < 0) throw new IllegalArgumentException("token budget must be >= 0 (0 = unlimited), got " + tokens);
            this.tokenBudget = tokens;
            return this;
        }

        public Builder costBudget(double cost) {
            if (!(cost >= 0) || Double.isInfinite(cost)) throw new IllegalArgumentException("cost budget must be >= 0 (0 = unlimited), got " + cost);
            this.costBudget = cost;
            return this;
        }

        public Builder params(SamplingParams p) {
            if (p == null) throw new IllegalArgumentException("sampling params must not be null");
            this.params = p;
            return this;
        }

        public Builder useN(boolean useN) {
            this.useN = useN;
            return this;
        }

        public Builder tokenizer(Path tokenizerJson) {
            this.tokenizer = tokenizerJson;
            return this;
        }

        public Builder promptTokenBudget(int tokens) {
            if (tokens < 256) throw new IllegalArgumentException("prompt token budget must be >= 256, got " + tokens);
            this.promptTokenBudget = tokens;
            return this;
        }

        /** @throws IllegalStateException when no endpoint was given */
        public LlmSettings build() {
            if (endpoints.isEmpty()) throw new IllegalStateException("llm settings need at least one endpoint (--llm-url and --llm-model)");
            return new LlmSettings(endpoints, selection, ucbExploration, maxInFlight, requestTimeout, maxAttempts,
                    backoffBase, backoffMax, tokenBudget, costBudget, params, useN, tokenizer, promptTokenBudget);
        }
    }
}
