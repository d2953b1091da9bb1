package dev.thetaevolve.llm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmSettingsTest {

    static Stream<Arguments> badOptions() {
        var b = LlmSettings.builder();
        return Stream.of(
                Arguments.of((Executable) () -> b.maxInFlight(0), "max in flight must be >= 1, got 0"),
                Arguments.of((Executable) () -> b.maxAttempts(0), "max attempts must be >= 1, got 0"),
                Arguments.of((Executable) () -> b.requestTimeout(Duration.ZERO), "request timeout must be > 0, got PT0S"),
                Arguments.of((Executable) () -> b.tokenBudget(-1), "token budget must be >= 0 (0 = unlimited), got -1"),
                Arguments.of((Executable) () -> b.costBudget(Double.NaN), "cost budget must be >= 0 (0 = unlimited), got NaN"),
                Arguments.of((Executable) () -> b.promptTokenBudget(10), "prompt token budget must be >= 256, got 10"),
                Arguments.of((Executable) () -> b.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)), "backoff max must be >= backoff base, got PT1S"),
                Arguments.of((Executable) () -> LlmEndpoint.of("localhost:8000", "m", null), "llm url must be an http(s) URL such as http://127.0.0.1:8000/v1, got 'localhost:8000'"),
                Arguments.of((Executable) () -> LlmEndpoint.of("http://h:1/v1", " ", null), "llm model must not be blank, got ' '"),
                Arguments.of((Executable) () -> ApiKey.fromEnvironment("OPENAI_API_KEY", Map.of()), "llm key env 'OPENAI_API_KEY' is not set in the environment"),
                Arguments.of((Executable) () -> new SamplingParams(1, 1, 1.5, 10, -1, null), "top_p must be in (0, 1], got 1.5"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void builder_badValueNamesOptionAndValue(Executable call, String message) {
        assertThatThrownBy(call::execute).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void build_withoutEndpointIsAConflict() {
        assertThatThrownBy(() -> LlmSettings.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--llm-url and --llm-model");
    }

    @Test
    void build_defaultsAndRedactedKey() {
        var key = ApiKey.fromEnvironment("K", Map.of("K", "sk-live-123"));
        var s = LlmSettings.builder().endpoint(LlmEndpoint.of("http://127.0.0.1:8000/v1", "qwen3", key)).build();

        assertThat(s.maxInFlight()).isEqualTo(32);
        assertThat(s.endpoints().get(0).name()).isEqualTo("qwen3@127.0.0.1:8000");
        assertThat(s.toString()).doesNotContain("sk-live-123").contains("ApiKey[redacted]");
        assertThat(key.authorizationHeader()).isEqualTo("Bearer sk-live-123");
        assertThatThrownBy(() -> LlmSettings.builder().endpoint(s.endpoints().get(0)).endpoint(s.endpoints().get(0)))
                .hasMessage("llm endpoint name 'qwen3@127.0.0.1:8000' is used twice");
    }

    @Test
    void parseDuration_secondsUnitsAndIso() {
        assertThat(LlmSettings.parseDuration("--llm-timeout", "90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LlmSettings.parseDuration("--llm-timeout", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LlmSettings.parseDuration("--llm-timeout", "1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LlmSettings.parseDuration("--llm-timeout", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(LlmSettings.parseDuration("--llm-timeout", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(LlmSettings.parseDuration("--llm-timeout", "PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> LlmSettings.parseDuration("--llm-timeout", "soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--llm-timeout must be a duration > 0 such as 300, 90s, 5m or 1h, got 'soon'");
        assertThatThrownBy(() -> LlmSettings.parseDuration("--llm-timeout", "0")).hasMessageContaining("got '0'");
        assertThat(LlmSettings.builder().endpoint(LlmEndpoint.of("http://h:1/v1", "m", null)).build().requestTimeout()).isEqualTo(Duration.ofMinutes(5));
    }
}
