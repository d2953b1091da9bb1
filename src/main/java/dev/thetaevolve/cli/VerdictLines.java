package dev.thetaevolve.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.evaluate.Verdict;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The one-line forms of a verdict that `evaluate` and `verify` print (the JSON shape is a contract). */
final class VerdictLines {
    private VerdictLines() {
    }

    static String json(ObjectMapper json, String file, Verdict v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file);
        out.put("valid", v.valid());
        out.put("score", v.score());
        if (v.error() == null) {
            out.put("error", null);
        } else {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", v.error().kind().name());
            e.put("message", v.error().message());
            out.put("error", e);
        }
        out.put("tier", v.tier() == null ? null : v.tier().word());
        out.put("compileMillis", v.compileMillis());
        out.put("runMillis", v.runMillis());
        out.put("metrics", new TreeMap<>(v.metrics()));
        if (v.strictScore() != null) out.put("strictScore", v.strictScore());
        try {
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String file, Verdict v) {
        String timing = v.tier() == null ? "" : " (" + v.tier().word() + ", compile " + v.compileMillis() + " ms, run " + v.runMillis() + " ms)";
        if (v.valid()) {
            String strict = v.strictScore() == null ? "" : ", strict after shrinking " + v.strictScore();
            return file + ": valid, score " + v.score() + strict + timing;
        }
        return file + ": " + v.error().kind() + ": " + v.error().message() + timing;
    }
}
