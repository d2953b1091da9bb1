package dev.thetaevolve.rl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A step's GRPO groups as JSON Lines (docs/trainer-bridge.md): one line per group,
 * <pre>{"format":"thetaevolve.grpo.v1","run":"r1","step":3,"group":"s3-p12","prompt":"...",
 *  "samples":[{"completion":"...","reward":2.61,"advantage":1.2,"logprobs":[...],"status":"VALID","child_id":101}, ...]}</pre>
 * Groups in order of first appearance, samples in commit order. The prompt is the first sample's input (all
 * samples of a group share their parent, hence their prompt, up to the inspirations shown).
 */
public final class GroupsJsonl {
    public static final String FORMAT = "thetaevolve.grpo.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GroupsJsonl() {
    }

    public static String write(String run, int step, List<Rollout> rollouts) {
        Map<String, ObjectNode> groups = new LinkedHashMap<>();
        for (Rollout r : rollouts) {
            ObjectNode g = groups.computeIfAbsent(r.group(), k -> {
                ObjectNode n = JSON.createObjectNode();
                n.put("format", FORMAT).put("run", run).put("step", step).put("group", k).put("prompt", r.input());
                n.putArray("samples");
                return n;
            });
            ObjectNode s = ((ArrayNode) g.get("samples")).addObject();
            s.put("completion", r.output()).put("reward", r.reward()).put("advantage", r.advantage());
            ArrayNode lp = s.putArray("logprobs");
            r.logprobs().forEach(lp::add);
            s.put("status", r.status()).put("child_id", r.childId());
        }
        StringBuilder out = new StringBuilder();
        try {
            for (ObjectNode g : groups.values()) out.append(JSON.writeValueAsString(g)).append('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a group does not serialize: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
