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
 * @param requestTimeout    per HTTP attempt; an attempt over it is aborted and fails with TIMEOUT (default
 *                          5 minutes: a slow 8B model writes 4,096 tokens at 15 tokens/s in 4.6 minutes,
 *                          while a server that accepted the request and went silent is cut off then)
 * @param maxAttempts       attempts per request, the first included (default 4)
 * @param backoffBase       first retry delay before jitter; doubles per retry up to {@code backoffMax}
 * @param tokenBudget       run-level prompt + completion tokens, 0 = unlimited
 * @param costBudget        run-level cost at the endpoints' prices, 0 = unlimited
 * @param params            sampling parameters; {@code n} is set per request from the samples asked for
 * @param useN              true: one request with n = K per parent; false: K requests with n = 1 (servers
 *                          without {@code n}, such as llama.cpp server and Ollama)
 * @param tokenizer         a HuggingFace tokenizer.json for exact prompt counts, or null (chars/4 estimate)
 * @param promptTokenBudget prompt size above which inspirations, then feedback, are trimmed
 * @param maxConsecutiveFailures requests in a row that may fail (after their retries) before the client
 *                          gives up: it then fails every further call at once and reports
 *                          {@link SamplingClient#fatalFailure()} (default 64; 0 = never give up)
 * @param maxRetryWait      longest wait a server's {@code Retry-After} (429, 503) may impose before a retry
 *                          (default 2 minutes); a longer ask is cut to this
 */
public record LlmSettings(List<LlmEndpoint> endpoints, Selection selection, double ucbExploration, int maxInFlight,
                          Duration requestTimeout, int maxAttempts, Duration backoffBase, Duration backoffMax,
                          long tokenBudget, double costBudget, SamplingParams params, boolean useN, Path tokenizer,
                          int promptTokenBudget, int maxConsecutiveFailures, Duration maxRetryWait) {

    public enum Selection { WEIGHTED, UCB }

    /** The default per-request timeout: 5 minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    /**
     * A duration as users write it: {@code 90} or {@code 90s} (seconds), {@code 5m}, {@code 1h}, {@code 500ms}
     * or ISO-8601 ({@code PT5M}).
     *
     * @param option the flag's name, for the message
     * @throws IllegalArgumentException naming the option and the value when it is unreadable or not &gt; 0
     */
    public static Duration parseDuration(String option, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        Duration d;
        try {
            if (t.startsWith("pt")) d = Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            else if (t.endsWith("ms")) d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
            else if (t.endsWith("s")) d = seconds(t.substring(0, t.length() - 1));
            else if (t.endsWith("m")) d = seconds(t.substring(0, t.length() - 1)).multipliedBy(60);
            else if (t.endsWith("h")) d = seconds(t.substring(0, t.length() - 1)).multipliedBy(3600);
            else d = seconds(t);
        } catch (RuntimeException e) {
            d = null;
        }
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(option + " must be a duration > 0 such as 300, 90s, 5m or 1h, got '" + text + "'");
        }
        return d;
    }

    private static Duration seconds(String number) {
        double s = Double.parseDouble(number.strip());
        if (!(s > 0) || Double.isInfinite(s)) return null;
        return Duration.ofNanos((long) (s * 1e9));
    }

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
        private Duration requestTimeout = DEFAULT_TIMEOUT;
        private int maxAttempts = 4;
        private Duration backoffBase = Duration.ofMillis(500);
        private Duration backoffMax = Duration.ofSeconds(30);
        private long tokenBudget;
        private double costBudget;
        private SamplingParams params = SamplingParams.defaults();
        private boolean useN = true;
        private Path tokenizer;
        private int promptTokenBudget = 24_000;
        private int maxConsecutiveFailures = 64;
        private Duration maxRetryWait = Duration.ofMinutes(2);

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

        public Builder maxConsecutiveFailures(int n) {
            if (n < 0) throw new IllegalArgumentException("max consecutive failures must be >= 0 (0 = never give up), got " + n);
            this.maxConsecutiveFailures = n;
            return this;
        }

        public Builder maxRetryWait(Duration d) {
            if (d == null || d.isNegative()) throw new IllegalArgumentException("max retry wait must be >= 0, got " + d);
            this.maxRetryWait = d;
            return this;
        }

        /** @throws IllegalStateException when no endpoint was given */
        public LlmSettings build() {
            if (endpoints.isEmpty()) throw new IllegalStateException("llm settings need at least one endpoint (--llm-url and --llm-model)");
            return new LlmSettings(endpoints, selection, ucbExploration, maxInFlight, requestTimeout, maxAttempts,
                    backoffBase, backoffMax, tokenBudget, costBudget, params, useN, tokenizer, promptTokenBudget,
                    maxConsecutiveFailures, maxRetryWait);
        }
    }
}
