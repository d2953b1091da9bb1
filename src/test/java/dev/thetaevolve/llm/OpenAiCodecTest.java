package dev.thetaevolve.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void encode_chatCarriesAllSamplingParams() throws Exception {
        var p = new SamplingParams(16, 0.7, 0.95, 8192, 0, List.of("</answer>"));
        var o = JSON.readTree(OpenAiCodec.encode(new ChatRequest("qwen3", List.of(ChatMessage.system("s"), ChatMessage.user("u")), p)));

        assertThat(o.path("model").asText()).isEqualTo("qwen3");
        assertThat(o.path("messages").get(1).path("role").asText()).isEqualTo("user");
        assertThat(o.path("n").asInt()).isEqualTo(16);
        assertThat(o.path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(o.path("top_p").asDouble()).isEqualTo(0.95);
        assertThat(o.path("max_tokens").asInt()).isEqualTo(8192);
        assertThat(o.path("logprobs").asBoolean()).isTrue();
        assertThat(o.path("top_logprobs").asInt()).isZero();
        assertThat(o.path("stop").get(0).asText()).isEqualTo("</answer>");
    }

    @Test
    void encode_completionAsksLogprobsAsCountAndOmitsWhenOff() throws Exception {
        var on = JSON.readTree(OpenAiCodec.encode(new CompletionRequest("base", "p", new SamplingParams(1, 1, 1, 10, 2, List.of()))));
        var off = JSON.readTree(OpenAiCodec.encode(new CompletionRequest("base", "p", SamplingParams.defaults())));

        assertThat(on.path("logprobs").asInt()).isEqualTo(2);
        assertThat(on.path("prompt").asText()).isEqualTo("p");
        assertThat(off.has("logprobs")).isFalse();
    }

    @Test
    void decode_readsChatChoicesReasoningLogprobsAndUsage() {
        String body = """
                {"id":"c1","model":"qwen3","choices":[
                 {"index":0,"finish_reason":"length","message":{"role":"assistant","content":"a","reasoning_content":"r"},
                  "logprobs":{"content":[{"token":"a","logprob":-0.25}]}},
                 {"index":1,"finish_reason":"stop","message":{"role":"assistant","content":null}}],
                 "usage":{"prompt_tokens":7,"completion_tokens":5,"completion_tokens_details":{"reasoning_tokens":3}}}""";
        LlmResponse r = OpenAiCodec.decode(body);

        assertThat(r.choices()).hasSize(2);
        assertThat(r.choices().get(0)).isEqualTo(new LlmResponse.Choice(0, "a", "r", "length", List.of(new LlmResponse.TokenLogprob("a", -0.25))));
        assertThat(r.choices().get(1).text()).isEmpty();
        assertThat(r.usage()).isEqualTo(new LlmResponse.Usage(7, 5, 3));
    }

    @Test
    void decode_readsCompletionTextAndTokenLogprobs() {
        LlmResponse r = OpenAiCodec.decode("{\"choices\":[{\"text\":\"t\",\"logprobs\":{\"tokens\":[\"t\"],\"token_logprobs\":[-1.5]}}]}");

        assertThat(r.choices().get(0).text()).isEqualTo("t");
        assertThat(r.choices().get(0).logprobs()).containsExactly(new LlmResponse.TokenLogprob("t", -1.5));
        assertThat(r.usage()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"choices\":[]}", "{\"choices\":[{\"text\":\"x\"", "[]", "{}", ""})
    void decode_badBodiesAreMalformed(String body) {
        assertThatThrownBy(() -> OpenAiCodec.decode(body)).isInstanceOf(LlmException.class)
                .satisfies(e -> assertThat(((LlmException) e).failure()).isEqualTo(FailureCause.MALFORMED));
    }
}
