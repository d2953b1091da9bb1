package dev.thetaevolve.llm;

/** Chooses the endpoint of each request, and learns from rewards when it is a bandit. Thread-safe. */
public interface EndpointSelector {

    LlmEndpoint pick();

    /** The engine's reward for a sample of {@code endpointName} that cost {@code tokens} generated tokens. */
    default void reward(String endpointName, double reward, long tokens) {
    }
}
