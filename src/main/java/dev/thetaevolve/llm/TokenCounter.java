package dev.thetaevolve.llm;

import java.nio.file.Path;

/** Counts tokens of a text for prompt budgets and token accounting. Implementations are thread-safe. */
public interface TokenCounter {

    int count(String text);

    /** True when counts come from the model's tokenizer, false for an estimate. */
    boolean exact();

    /** What counts, for logs and the prompt record: the tokenizer file, or that it is an estimate. */
    String describe();

    /**
     * The tokenizer in {@code tokenizerJson} (a HuggingFace tokenizer.json) or, when it is null, the
     * clearly-labelled chars/4 estimate.
     *
     * @throws IllegalArgumentException when the file is given but missing or unreadable
     */
    static TokenCounter open(Path tokenizerJson) {
        return tokenizerJson == null ? new CharEstimateCounter() : HfTokenCounter.load(tokenizerJson);
    }
}
