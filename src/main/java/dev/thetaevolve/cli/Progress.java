package dev.thetaevolve.cli;

import dev.thetaevolve.evolve.Engine;
import dev.thetaevolve.evolve.StepSummary;
import dev.thetaevolve.service.RunService;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Step progress: a redrawn bar on a terminal, one plain line per step otherwise. Shows step, evaluations,
 * best score, valid % and evaluations per second, and the samples that never arrived when there are any.
 */
final class Progress implements RunService.Listener {
    private final PrintStream out;
    private final boolean terminal;
    private final int totalSteps;
    private final long startNanos = System.nanoTime();
    private long startEvaluations = -1;

    Progress(PrintStream out, boolean terminal, int totalSteps) {
        this.out = out;
        this.terminal = terminal;
        this.totalSteps = totalSteps;
    }

    @Override
    public void onStep(StepSummary s, Engine e) {
        if (startEvaluations < 0) startEvaluations = e.evaluations() - s.evaluations();
        double secs = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = (e.evaluations() - startEvaluations) / secs;
        double validPct = e.children() == 0 ? 0 : 100.0 * e.validChildren() / e.children();
        String best = e.bestScore() == null ? "-" : Double.toString(e.bestScore());
        String stats = String.format(Locale.ROOT, "step %d | evals %d | best %s | valid %.1f%% | %.1f eval/s",
                s.step(), e.evaluations(), best, validPct, rate)
                + (e.sampleFailures() > 0 ? " | " + e.sampleFailures() + " samples failed" : "");
        if (terminal) {
            out.print("\r" + bar(s.step()) + " " + stats + "   ");
            out.flush();
        } else {
            out.println(stats);
        }
    }

    private String bar(int step) {
        int width = 24;
        if (totalSteps <= 0) {
            int pos = step % width;
            return "[" + ".".repeat(pos) + "#" + ".".repeat(width - pos - 1) + "]";
        }
        int filled = (int) Math.min(width, Math.round(width * (double) step / totalSteps));
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /**
     * Whether stdout is a terminal. From Java 22 on, {@code System.console()} is non-null even when output
     * is piped, so ask {@code Console.isTerminal()} where it exists (called reflectively: we compile for 17).
     */
    static boolean onTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // Java 17-21: a console exists only on a terminal
        }
    }

    void finish() {
        if (terminal) out.println();
    }
}
