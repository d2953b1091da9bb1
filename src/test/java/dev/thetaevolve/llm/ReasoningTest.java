package dev.thetaevolve.llm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReasoningTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<think>plan</think>answer|plan|answer",
            "plan only closed</think>answer|plan only closed|answer",
            "<think>cut off by max_tokens|cut off by max_tokens|''",
            "no reasoning at all|''|no reasoning at all",
            "pre<think>a</think>post</think>x|a|prepost</think>x",
    })
    void split_handlesTheShapesModelsEmit(String text, String reasoning, String answer) {
        Reasoning r = Reasoning.split(text);
        assertThat(r.reasoning()).isEqualTo(reasoning);
        assertThat(r.answer()).isEqualTo(answer);
        assertThat(Reasoning.strip(text)).isEqualTo(answer);
    }
}
