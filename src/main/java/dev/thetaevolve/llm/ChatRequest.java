package dev.thetaevolve.llm;

import java.util.List;
import java.util.Objects;

/** A POST /chat/completions request. */
public record ChatRequest(String model, List<ChatMessage> messages, SamplingParams params) {
    public ChatRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(params, "params");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) throw new IllegalArgumentException("a chat request needs at least one message");
    }
}
