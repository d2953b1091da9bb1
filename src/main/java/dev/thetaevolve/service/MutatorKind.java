package dev.thetaevolve.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Which mutator a run uses; written as its lower-case word ("builtin", "llm") in flags, JSON and the store. */
public enum MutatorKind {
    /** The AST mutator of {@code mutate} (no language model). */
    BUILTIN,
    /** A language model behind an OpenAI-compatible endpoint. */
    LLM;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException quoting the word when it names no mutator */
    @JsonCreator
    public static MutatorKind parse(String word) {
        if (word != null) {
            for (MutatorKind k : values()) if (k.word().equals(word.strip().toLowerCase(Locale.ROOT))) return k;
        }
        throw new IllegalArgumentException("mutator must be builtin or llm, got '" + word + "'");
    }
}
