package dev.thetaevolve.llm;

import java.util.List;
import java.util.random.RandomGenerator;

/** Picks endpoints at random in proportion to their weights. */
public final class WeightedSelector implements EndpointSelector {
    private final List<LlmEndpoint> endpoints;
    private final double total;
    private final RandomGenerator random;

    public WeightedSelector(List<LlmEndpoint> endpoints, RandomGenerator random) {
        if (endpoints.isEmpty()) throw new IllegalArgumentException("at least one llm endpoint is needed");
        this.endpoints = List.copyOf(endpoints);
        this.total = endpoints.stream().mapToDouble(LlmEndpoint::weight).sum();
        this.random = random;
    }

    @Override
    public synchronized LlmEndpoint pick() {
        double r = random.nextDouble() * total;
        for (LlmEndpoint e : endpoints) {
            r -= e.weight();
            if (r < 0) return e;
        }
        return endpoints.get(endpoints.size() - 1);
    }
}
