package dev.thetaevolve.llm;

/**
 * Splits a model's answer into its {@code <think>} reasoning and the rest. Handles the three shapes seen
 * from Qwen3/DeepSeek-R1 style models: {@code <think>…</think>answer}; {@code …</think>answer} (the chat
 * template already opened the tag, so only the closing one is generated); and {@code <think>…} cut off by
 * max_tokens (all reasoning, no answer).
 *
 * @param reasoning the text inside the section, "" when none
 * @param answer    everything outside it
 */
public record Reasoning(String reasoning, String answer) {
    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    public static Reasoning split(String text) {
        if (text == null) return new Reasoning("", "");
        int open = text.indexOf(OPEN);
        int close = text.indexOf(CLOSE, open < 0 ? 0 : open);
        if (open >= 0 && close < 0) return new Reasoning(text.substring(open + OPEN.length()), text.substring(0, open));
        if (close < 0) return new Reasoning("", text);
        int start = open >= 0 ? open + OPEN.length() : 0;
        String before = open >= 0 ? text.substring(0, open) : "";
        return new Reasoning(text.substring(start, close), before + text.substring(close + CLOSE.length()));
    }

    /** The answer without its reasoning section: what a diff parser should read. */
    public static String strip(String text) {
        return split(text).answer();
    }
}
