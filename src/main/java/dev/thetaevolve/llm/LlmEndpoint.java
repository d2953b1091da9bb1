package dev.thetaevolve.llm;

import java.net.URI;
import java.util.Objects;

/**
 * One model behind one OpenAI-compatible server.
 *
 * @param name                 unique label for metrics and bandit rewards (default: model@host:port)
 * @param baseUrl              API root, e.g. {@code http://127.0.0.1:8000/v1}
 * @param apiKey               null when the server takes none; redacted in {@code toString}
 * @param weight               share of requests when endpoints are chosen by weight, &gt; 0
 * @param api                  chat completions (instruct models) or plain completions (base models)
 * @param pricePer1kPrompt     cost per 1,000 prompt tokens, 0 = free
 * @param pricePer1kCompletion cost per 1,000 generated tokens, 0 = free
 */
public record LlmEndpoint(String name, URI baseUrl, String model, ApiKey apiKey, double weight, Api api,
                          double pricePer1kPrompt, double pricePer1kCompletion) {

    public enum Api { CHAT, COMPLETIONS }

    public LlmEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(api, "api");
        String scheme = baseUrl.getScheme();
        if (baseUrl.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new IllegalArgumentException("llm url must be an http(s) URL such as http://127.0.0.1:8000/v1, got '" + baseUrl + "'");
        }
        if (model == null || model.isBlank()) throw new IllegalArgumentException("llm model must not be blank, got '" + model + "'");
        if (name == null || name.isBlank()) name = model + "@" + baseUrl.getHost() + ":" + baseUrl.getPort();
        if (!(weight > 0) || Double.isInfinite(weight)) throw new IllegalArgumentException("endpoint weight must be > 0, got " + weight);
        if (!(pricePer1kPrompt >= 0) || !(pricePer1kCompletion >= 0)) {
            throw new IllegalArgumentException("token prices must be >= 0, got " + pricePer1kPrompt + " and " + pricePer1kCompletion);
        }
    }

    /** A chat endpoint with weight 1 and no price. */
    public static LlmEndpoint of(String baseUrl, String model, ApiKey apiKey) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("llm url must be an http(s) URL such as http://127.0.0.1:8000/v1, got '" + baseUrl + "'");
        }
        return new LlmEndpoint(null, uri, model, apiKey, 1.0, Api.CHAT, 0, 0);
    }

    public LlmEndpoint withWeight(double w) {
        return new LlmEndpoint(name, baseUrl, model, apiKey, w, api, pricePer1kPrompt, pricePer1kCompletion);
    }

    public LlmEndpoint withApi(Api a) {
        return new LlmEndpoint(name, baseUrl, model, apiKey, weight, a, pricePer1kPrompt, pricePer1kCompletion);
    }

    public LlmEndpoint withPrices(double per1kPrompt, double per1kCompletion) {
        return new LlmEndpoint(name, baseUrl, model, apiKey, weight, api, per1kPrompt, per1kCompletion);
    }

    /** The same endpoint (same name, so metrics and bandit rewards stay together) asking for another model. */
    public LlmEndpoint withModel(String m) {
        return new LlmEndpoint(name, baseUrl, m, apiKey, weight, api, pricePer1kPrompt, pricePer1kCompletion);
    }

    public LlmEndpoint withName(String n) {
        return new LlmEndpoint(n, baseUrl, model, apiKey, weight, api, pricePer1kPrompt, pricePer1kCompletion);
    }

    /** Cost of one call at this endpoint's prices. */
    public double cost(long promptTokens, long completionTokens) {
        return (promptTokens * pricePer1kPrompt + completionTokens * pricePer1kCompletion) / 1000.0;
    }
}
