package dev.thetaevolve.llm;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What to ask, independent of the endpoint: chat endpoints get the messages, completion endpoints their
 * contents joined by blank lines.
 */
public record LlmCall(List<ChatMessage> messages, SamplingParams params) {
    public LlmCall {
        messages = List.copyOf(messages);
        Objects.requireNonNull(params, "params");
        if (messages.isEmpty()) throw new IllegalArgumentException("an llm call needs at least one message");
    }

    public String asPrompt() {
        return messages.stream().map(ChatMessage::content).collect(Collectors.joining("\n\n"));
    }
}
