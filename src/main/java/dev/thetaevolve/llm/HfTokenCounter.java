package dev.thetaevolve.llm;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Exact token counts from a local HuggingFace tokenizer.json through DJL's tokenizers (Rust, native
 * library shipped in the jar, works offline). No special tokens, no truncation: the raw text's length.
 */
public final class HfTokenCounter implements TokenCounter, AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final Path file;

    private HfTokenCounter(HuggingFaceTokenizer tokenizer, Path file) {
        this.tokenizer = tokenizer;
        this.file = file;
    }

    /** @throws IllegalArgumentException when the file is missing or not a tokenizer */
    public static HfTokenCounter load(Path tokenizerJson) {
        if (!Files.isRegularFile(tokenizerJson)) {
            throw new IllegalArgumentException("tokenizer file '" + tokenizerJson + "' does not exist");
        }
        try {
            HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false", "modelMaxLength", "10000000"));
            return new HfTokenCounter(t, tokenizerJson);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("tokenizer file '" + tokenizerJson + "' cannot be loaded: " + e.getMessage(), e);
        }
    }

    @Override
    public int count(String text) {
        if (text == null || text.isEmpty()) return 0;
        return tokenizer.encode(text, false, false).getIds().length;
    }

    @Override
    public boolean exact() {
        return true;
    }

    @Override
    public String describe() {
        return "tokenizer " + file;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
