package dev.thetaevolve.llm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * UCB1 over endpoints scored by reward per 1,000 generated tokens (ShinkaEvolve's model bandit): an
 * endpoint that has produced nothing yet is tried first; then the one maximizing
 * {@code value + c · scale · sqrt(ln N / n)}, where value = summed reward / summed tokens · 1000, n its
 * rewarded samples, N all of them, and scale the largest |value| seen (so the exploration term has the
 * rewards' units). While any endpoint still lacks a reward, picks go round-robin over all of them.
 */
public final class UcbSelector implements EndpointSelector {
    private final List<LlmEndpoint> endpoints;
    private final double exploration;
    private final Map<String, double[]> stats = new HashMap<>(); // name -> {reward sum, token sum, count}
    private int roundRobin;

    public UcbSelector(List<LlmEndpoint> endpoints, double exploration) {
        if (endpoints.isEmpty()) throw new IllegalArgumentException("at least one llm endpoint is needed");
        if (!(exploration >= 0)) throw new IllegalArgumentException("ucb exploration must be >= 0, got " + exploration);
        this.endpoints = List.copyOf(endpoints);
        this.exploration = exploration;
        for (LlmEndpoint e : endpoints) stats.put(e.name(), new double[3]);
    }

    @Override
    public synchronized LlmEndpoint pick() {
        double total = 0, scale = 0;
        for (LlmEndpoint e : endpoints) {
            double[] s = stats.get(e.name());
            if (s[2] == 0) return endpoints.get(Math.floorMod(roundRobin++, endpoints.size()));
            total += s[2];
            scale = Math.max(scale, Math.abs(value(s)));
        }
        if (scale == 0) scale = 1;
        LlmEndpoint best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (LlmEndpoint e : endpoints) {
            double[] s = stats.get(e.name());
            double score = value(s) + exploration * scale * Math.sqrt(Math.log(total) / s[2]);
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        return best;
    }

    @Override
    public synchronized void reward(String endpointName, double reward, long tokens) {
        double[] s = stats.get(endpointName);
        if (s == null || Double.isNaN(reward) || Double.isInfinite(reward)) return;
        s[0] += reward;
        s[1] += Math.max(1, tokens);
        s[2] += 1;
    }

    /** Reward per 1,000 tokens of an endpoint so far (0 before any reward). */
    public synchronized double value(String endpointName) {
        return value(stats.get(endpointName));
    }

    private static double value(double[] s) {
        return s[1] == 0 ? 0 : s[0] / s[1] * 1000;
    }
}
