package dev.thetaevolve.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI wire format (snake_case JSON) for both HTTP clients, so the JDK client and the Quarkus REST
 * adapter encode and decode exactly alike. Stateless and thread-safe.
 */
public final class OpenAiCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiCodec() {
    }

    public static String encode(ChatRequest r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("model", r.model());
        ArrayNode messages = o.putArray("messages");
        for (ChatMessage m : r.messages()) messages.addObject().put("role", m.role()).put("content", m.content());
        params(o, r.params(), true);
        return o.toString();
    }

    public static String encode(CompletionRequest r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("model", r.model());
        o.put("prompt", r.prompt());
        params(o, r.params(), false);
        return o.toString();
    }

    private static void params(ObjectNode o, SamplingParams p, boolean chat) {
        o.put("n", p.n());
        o.put("temperature", p.temperature());
        o.put("top_p", p.topP());
        o.put("max_tokens", p.maxTokens());
        if (p.logprobs() >= 0) {
            if (chat) o.put("logprobs", true).put("top_logprobs", p.logprobs());
            else o.put("logprobs", p.logprobs());
        }
        if (!p.stop().isEmpty()) {
            ArrayNode stop = o.putArray("stop");
            p.stop().forEach(stop::add);
        }
    }

    /**
     * Decodes a 2xx body.
     *
     * @throws LlmException {@link FailureCause#MALFORMED} on bad or truncated JSON and on missing or empty
     *                      {@code choices}
     */
    public static LlmResponse decode(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LlmException(FailureCause.MALFORMED, 0, "response is not valid JSON (" + body.length() + " chars, truncated?)", e);
        }
        if (root == null || !root.isObject()) throw new LlmException(FailureCause.MALFORMED, "response is not a JSON object");
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) throw new LlmException(FailureCause.MALFORMED, "response has no choices");
        List<LlmResponse.Choice> out = new ArrayList<>(choices.size());
        for (JsonNode c : choices) {
            JsonNode message = c.path("message");
            String text = message.isObject() ? textOrNull(message.path("content")) : textOrNull(c.path("text"));
            String reasoning = message.isObject() ? firstText(message, "reasoning_content", "reasoning") : null;
            out.add(new LlmResponse.Choice(c.path("index").asInt(out.size()), text, reasoning,
                    textOrNull(c.path("finish_reason")), logprobs(c.path("logprobs"))));
        }
        return new LlmResponse(textOrNull(root.path("id")), textOrNull(root.path("model")), out, usage(root.path("usage")));
    }

    private static LlmResponse.Usage usage(JsonNode u) {
        if (!u.isObject()) return null;
        JsonNode r = u.path("completion_tokens_details").path("reasoning_tokens");
        return new LlmResponse.Usage(u.path("prompt_tokens").asInt(), u.path("completion_tokens").asInt(),
                r.isNumber() ? r.asInt() : null);
    }

    /** Chat: {"content":[{"token","logprob"}...]}; completions: {"tokens":[...],"token_logprobs":[...]}. */
    private static List<LlmResponse.TokenLogprob> logprobs(JsonNode l) {
        List<LlmResponse.TokenLogprob> out = new ArrayList<>();
        if (l.path("content").isArray()) {
            for (JsonNode t : l.path("content")) out.add(new LlmResponse.TokenLogprob(t.path("token").asText(), t.path("logprob").asDouble()));
        } else if (l.path("tokens").isArray()) {
            JsonNode tokens = l.path("tokens"), values = l.path("token_logprobs");
            for (int i = 0; i < tokens.size(); i++) out.add(new LlmResponse.TokenLogprob(tokens.get(i).asText(), values.path(i).asDouble()));
        }
        return out;
    }

    private static String firstText(JsonNode o, String... fields) {
        for (String f : fields) {
            String s = textOrNull(o.path(f));
            if (s != null) return s;
        }
        return null;
    }

    private static String textOrNull(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
