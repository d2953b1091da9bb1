package dev.thetaevolve.llm;

import java.util.Objects;

/** A POST /completions request (raw prompt, no chat template: base models). */
public record CompletionRequest(String model, String prompt, SamplingParams params) {
    public CompletionRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(params, "params");
    }
}
