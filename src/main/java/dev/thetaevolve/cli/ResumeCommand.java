package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.service.RunService;
import dev.thetaevolve.service.RunSettings;
import dev.thetaevolve.store.RunEntity;
import dev.thetaevolve.store.StoreService;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code resume}: continues a run after its last committed step; the step in flight at a crash is redone. */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Continue a run after its last committed step.")
public class ResumeCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "Run name.")
    String name;
    @Mixin
    BudgetOptions budget;

    @Inject
    RunService runs;
    @Inject
    StoreService store;
    @Inject
    ObjectMapper json;

    @Override
    public Integer call() {
        RunEntity run = Lookups.run(store, name);
        RunSettings settings = runs.settings(run).withBudget(budget.stepsOrDefault(), budget.minutesOrZero());
        return Drive.drive(runs, run, settings, budget.json, json);
    }
}
