package dev.thetaevolve.llm;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HfTokenCounterTest {

    @Test
    void count_qwen3CountsKnownTextsExactly() {
        try (HfTokenCounter counter = HfTokenCounter.load(TestTokenizer.qwen3())) {
            assertThat(counter.exact()).isTrue();
            assertThat(counter.count("Hello world")).isEqualTo(2);
            assertThat(counter.count("")).isZero();
            assertThat(counter.count("<think>")).as("a special token of Qwen3").isEqualTo(1);
        }
    }

    @Test
    void count_longTextIsNotTruncated() {
        try (HfTokenCounter counter = HfTokenCounter.load(TestTokenizer.qwen3())) {
            String line = "double r = Math.sqrt(dx * dx + dy * dy);\n";
            int one = counter.count(line);
            assertThat(counter.count(line.repeat(1000))).isGreaterThan(900 * one).isGreaterThan(10_000);
        }
    }

    @Test
    void load_missingFileNamesIt() {
        assertThatThrownBy(() -> HfTokenCounter.load(Path.of("target/nope/tokenizer.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tokenizer file 'target/nope/tokenizer.json' does not exist");
    }

    @Test
    void open_withoutFileFallsBackToLabelledEstimate() {
        TokenCounter c = TokenCounter.open(null);
        assertThat(c.exact()).isFalse();
        assertThat(c.describe()).contains("estimate").contains("chars/4");
        assertThat(c.count("12345678")).isEqualTo(2);
    }
}
