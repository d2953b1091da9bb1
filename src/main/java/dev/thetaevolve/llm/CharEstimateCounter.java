package dev.thetaevolve.llm;

/** ceil(chars / 4): the estimate used only when no tokenizer.json is configured. */
public final class CharEstimateCounter implements TokenCounter {
    @Override
    public int count(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }

    @Override
    public boolean exact() {
        return false;
    }

    @Override
    public String describe() {
        return "estimate: chars/4 (no tokenizer.json configured)";
    }
}
