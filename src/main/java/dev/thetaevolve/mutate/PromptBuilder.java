package dev.thetaevolve.mutate;

import dev.thetaevolve.llm.TokenCounter;
import dev.thetaevolve.problem.BestKnown;
import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.ProblemSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link MutationRequest} into a {@link Prompt} from the templates under
 * {@code src/main/resources/prompts/}: task text, inspirations labelled read-only, then the parent's code
 * (the program to edit comes last, right before the instructions: a model tends to edit the last program
 * it read), its metrics at full precision
 * ({@code Double.toString}: a model must see progress in the 4th decimal and beyond), its distance from
 * the best-known bound, evaluator feedback, the diff rules with an example, the Janino
 * dialect, the allow-list and the time limit. Over the token budget it drops inspirations (last first),
 * then shortens and finally drops the feedback; the parent is never trimmed. Immutable and thread-safe.
 */
public final class PromptBuilder {
    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
    private static final int FEEDBACK_KEEP_CHARS = 1500;

    private final TokenCounter counter;
    private final int tokenBudget;
    private final String system = template("system.md");
    private final String user = template("user.md");
    private final String userSearch = template("user-search.md");
    private final String feedback = template("feedback.md");
    private final String inspiration = template("inspiration.md");

    /** @param tokenBudget prompt tokens (system + user) above which trimming starts */
    public PromptBuilder(TokenCounter counter, int tokenBudget) {
        if (tokenBudget < 1) throw new IllegalArgumentException("prompt token budget must be >= 1, got " + tokenBudget);
        this.counter = counter;
        this.tokenBudget = tokenBudget;
    }

    public Prompt build(MutationRequest request) {
        int given = request.inspirations().size();
        String fb = request.parent().feedback();
        int kept = given;
        boolean fbTrimmed = false;
        while (true) {
            String u = renderUser(request, kept, fb);
            int tokens = counter.count(system) + counter.count(u);
            if (tokens <= tokenBudget) return new Prompt(system, u, tokens, counter.exact(), kept, given, fbTrimmed, false);
            if (kept > 0) {
                kept--;
            } else if (fb != null && !fbTrimmed && fb.length() > FEEDBACK_KEEP_CHARS) {
                fb = fb.substring(0, FEEDBACK_KEEP_CHARS) + "\n[... feedback trimmed to fit the prompt ...]";
                fbTrimmed = true;
            } else if (fb != null) {
                fb = null;
                fbTrimmed = true;
            } else {
                return new Prompt(system, u, tokens, counter.exact(), 0, given, fbTrimmed, true);
            }
        }
    }

    private String renderUser(MutationRequest r, int inspirations, String fb) {
        ProblemSpec spec = r.problem().spec();
        Map<String, String> slots = Map.of(
                "title", spec.title(),
                "task", spec.taskText().strip(),
                "direction", spec.direction().word(),
                "code", r.parent().code().stripTrailing(),
                "metrics", metrics(r.parent()),
                "distance", distance(r.parent(), spec),
                "feedback", fb == null || fb.isBlank() ? "" : "\n" + fill(feedback, Map.of("feedback", fb.strip())),
                "inspirations", inspirations(r, inspirations),
                "returnType", spec.returnType().javaName(),
                "timeLimitMillis", Long.toString(spec.timeLimitMillis()));
        if (r.mode() == dev.thetaevolve.problem.Mode.SEARCH) {
            Map<String, String> s = new java.util.HashMap<>(slots);
            s.put("budgetMillis", Long.toString(r.searchBudgetMillis()));
            return fill(userSearch, s);
        }
        return fill(user, slots);
    }

    private String inspirations(MutationRequest r, int count) {
        if (count == 0) return "";
        StringBuilder sb = new StringBuilder("\n# Other programs of this run: read-only, for ideas\n\n"
                + "Do not edit these. Your SEARCH blocks must copy lines from the current program, which comes after them.\n");
        for (int i = 0; i < count; i++) {
            Parent p = r.inspirations().get(i);
            sb.append('\n').append(fill(inspiration, Map.of("index", Integer.toString(i + 1),
                    "score", p.score() == null ? "not valid" : "score " + p.score(), "code", p.code().stripTrailing())));
        }
        return sb.toString();
    }

    static String metrics(Parent p) {
        StringBuilder sb = new StringBuilder();
        sb.append("- score: ").append(p.score() == null ? "none (the program is not valid)" : Double.toString(p.score()));
        for (Map.Entry<String, Double> e : new TreeMap<>(p.metrics()).entrySet()) {
            sb.append("\n- ").append(e.getKey()).append(": ").append(e.getValue());
        }
        return sb.toString();
    }

    static String distance(Parent p, ProblemSpec spec) {
        BestKnown best = spec.bestKnown();
        if (best == null) return "No best-known bound is recorded for this problem.";
        String bound = "The best-known bound is " + best.value() + (best.source() == null ? "" : " (" + best.source() + ")") + ".";
        if (p.score() == null) return bound + " This program has no valid score yet.";
        double gap = spec.direction() == Direction.MAXIMIZE ? best.value() - p.score() : p.score() - best.value();
        if (gap <= 0) return bound + " This program matches or beats it by " + (-gap) + ".";
        String side = spec.direction() == Direction.MAXIMIZE ? "below" : "above";
        String relative = best.value() == 0 ? "" : String.format(Locale.ROOT, " (%.3g%% of the bound)", 100 * gap / Math.abs(best.value()));
        return bound + " This program is " + gap + " " + side + " it" + relative + ".";
    }

    /** One pass over {@code {{slot}}} markers, so text inside a value (code) is never substituted again. */
    static String fill(String template, Map<String, String> slots) {
        Matcher m = SLOT.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = slots.get(m.group(1));
            if (v == null) throw new IllegalStateException("prompt template slot {{" + m.group(1) + "}} has no value");
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String template(String name) {
        try (InputStream in = PromptBuilder.class.getResourceAsStream("/prompts/" + name)) {
            if (in == null) throw new IllegalStateException("prompt template prompts/" + name + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template prompts/" + name, e);
        }
    }
}
