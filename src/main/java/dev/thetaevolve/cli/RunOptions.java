package dev.thetaevolve.cli;

import dev.thetaevolve.service.RunSettings;
import picocli.CommandLine.Option;

/** Budget and output flags shared by run and resume. */
class BudgetOptions {
    @Option(names = "--steps", description = "Steps to run (default 10 when --minutes is absent).")
    Integer steps;
    @Option(names = "--minutes", description = "Wall-clock budget in minutes; the step in progress finishes.")
    Double minutes;
    @Option(names = "--db", description = "H2 file path or JDBC URL (default ./data/thetaevolve).")
    String db;
    @Option(names = "--json", description = "Print a JSON summary as the last line.")
    boolean json;

    /** The flags' own rules (stricter than the REST body's): a given budget is positive. */
    void check() {
        if (steps != null && steps < 1) throw new UsageError("--steps must be >= 1, got " + steps);
        if (minutes != null && !(minutes > 0)) throw new UsageError("--minutes must be > 0, got " + minutes);
    }

    /** Steps of a resumed drive: as given, else {@value RunSettings#DEFAULT_STEPS} unless minutes are given. */
    int stepsOrDefault() {
        check();
        if (steps != null) return steps;
        return minutes != null ? 0 : RunSettings.DEFAULT_STEPS;
    }

    double minutesOrZero() {
        return minutes == null ? 0 : minutes;
    }
}
