package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What {@code watch} prints: on a terminal one redrawn line with a progress bar, otherwise one plain line
 * per step; new bests and the end of the run on lines of their own. The evaluation rate counts from the
 * first step seen, on the injected clock.
 */
final class WatchView {
    static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private final int totalSteps;
    private final LongSupplier nanos;
    private long firstNanos;
    private long firstEvaluations = -1;
    private long children;
    private long valid;
    private int step;
    private long evaluations;
    private String best = "-";
    private boolean lineOpen;

    /** @param totalSteps the run's step budget, or 0 when unknown (the bar then only moves) */
    WatchView(PrintWriter out, boolean terminal, int totalSteps, LongSupplier nanos) {
        this.out = out;
        this.terminal = terminal;
        this.totalSteps = totalSteps;
        this.nanos = nanos;
    }

    /** The run as it stands when watching starts. */
    void header(JsonNode run) {
        step = run.path("step").asInt();
        evaluations = run.path("evaluations").asLong();
        best = score(run.path("best").path("score"));
        out.printf("run %s '%s' on %s (mutator %s): %s at step %d, %d evaluations, best %s%n", run.path("id").asText(),
                run.path("name").asText(), run.path("problem").asText(), run.path("mutator").asText("-"),
                run.path("status").asText().toLowerCase(Locale.ROOT), step, evaluations, best);
        out.flush();
    }

    /** A committed step: {"step","evaluations","best","children","valid","millis"}. */
    void step(JsonNode d) {
        long now = nanos.getAsLong();
        step = d.path("step").asInt();
        evaluations = d.path("evaluations").asLong();
        if (firstEvaluations < 0) {
            // the rate needs two points: the first step event only sets the origin
            firstEvaluations = evaluations;
            firstNanos = now;
        }
        children += d.path("children").asLong();
        valid += d.path("valid").asLong();
        if (d.hasNonNull("best")) best = score(d.get("best"));
        double secs = (now - firstNanos) / 1e9;
        String rate = secs <= 0 ? "-" : String.format(Locale.ROOT, "%.1f", (evaluations - firstEvaluations) / secs);
        String stats = String.format(Locale.ROOT, "step %d%s | evals %d | best %s | valid %s | %s eval/s", step,
                totalSteps > 0 ? "/" + totalSteps : "", evaluations, best,
                children == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * valid / children), rate);
        if (terminal) {
            out.print("\r" + bar(step, totalSteps) + " " + stats + "   ");
            lineOpen = true;
        } else {
            out.println(stats);
        }
        out.flush();
    }

    /** A new best: {"score","programId"}. */
    void best(JsonNode d) {
        best = score(d.path("score"));
        closeLine();
        out.printf("new best %s (program %s)%n", best, d.path("programId").asText("-"));
        out.flush();
    }

    /** The end event's own totals ({"step","evaluations","best"}), when later than the last step seen. */
    void endedAt(JsonNode d) {
        if (d.path("step").asInt(step) <= step) return;
        step = d.path("step").asInt();
        if (d.has("evaluations")) evaluations = d.path("evaluations").asLong();
        if (d.hasNonNull("best")) best = score(d.get("best"));
    }

    /** The run ended: {@code how} is stopped, finished or failed. */
    void end(String how, String message) {
        closeLine();
        out.printf("%s at step %d: %d evaluations, best %s%s%n", how, step, evaluations, best,
                message == null || message.isBlank() ? "" : " (" + message + ")");
        out.flush();
    }

    private void closeLine() {
        if (lineOpen) out.println();
        lineOpen = false;
    }

    static String score(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "-" : n.asText();
    }

    /** A bar of {@link #BAR_WIDTH} cells, filled to step/total; with no total, a marker that moves each step. */
    static String bar(int step, int total) {
        if (total <= 0) {
            int pos = Math.floorMod(step, BAR_WIDTH);
            return "[" + ".".repeat(pos) + "#" + ".".repeat(BAR_WIDTH - pos - 1) + "]";
        }
        int filled = (int) Math.max(0, Math.min(BAR_WIDTH, Math.round(BAR_WIDTH * (double) step / total)));
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }
}
