package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.service.RunLimits;
import dev.thetaevolve.service.RunService;
import dev.thetaevolve.service.RunSettings;
import dev.thetaevolve.store.RunView;
import dev.thetaevolve.store.StoreService;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code resume}: continues a run after its last committed step (the step in flight at a crash is redone
 * with the same seed). Plainly, it completes the budget the run was given; {@code --steps} and
 * {@code --minutes} extend that budget.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continue a run after its last committed step; the step in flight at a crash is redone with the same seed.",
                "Without --steps or --minutes it completes the budget the run was given (the steps or minutes left): a run of",
                "--steps 40 killed at step 12 runs steps 13 to 40, exactly as if it had never stopped. --steps N and --minutes M",
                "extend that budget: N steps beyond its step target, M minutes beyond the time it had left (a budget not given",
                "is dropped). A run with nothing left does nothing until extended."})
public class ResumeCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "Run name.")
    String name;
    @Option(names = "--steps", paramLabel = "N", description = "Extend the run's step target by N steps (N >= 1).")
    Integer steps;
    @Option(names = "--minutes", paramLabel = "M", description = "Extend the run's wall-clock allowance by M minutes (M > 0); the step in progress finishes.")
    Double minutes;
    @Option(names = "--db", description = "H2 file path or JDBC URL (default ./data/thetaevolve).")
    String db;
    @Option(names = "--json", description = "Print a JSON summary as the last line.")
    boolean json;

    @Inject
    RunService runs;
    @Inject
    StoreService store;
    @Inject
    ObjectMapper mapper;
    @Inject
    RunLimits limits;

    @Override
    public Integer call() {
        if (steps != null && steps < 1) throw new UsageError("--steps must be >= 1, got " + steps);
        if (minutes != null && !(minutes > 0)) throw new UsageError("--minutes must be > 0, got " + minutes);
        RunView run = Lookups.run(store, name);
        RunSettings stored = runs.settings(run);
        RunSettings budget = runs.extended(run, steps, minutes);
        RunService.Left left = runs.left(run);
        if (budget != null) {
            try {
                limits.check(budget.engine().parents(), budget.engine().samples(), budget.workers(),
                        budget.steps() == 0 ? 0 : (long) left.committed() + budget.steps(), budget.minutes());
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
        } else if (left.nothing()) {
            System.err.println("run " + run.name() + " has nothing left of its budget (step " + left.committed()
                    + "); extend it with --steps N or --minutes M");
        }
        int toGo = budget != null ? budget.steps() : left.steps() == null ? 0 : left.steps();
        return Drive.drive(runs, run, stored, budget, toGo, json, mapper, db);
    }
}
