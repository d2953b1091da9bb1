package dev.thetaevolve.cli;

import dev.thetaevolve.evaluate.EvaluatorBenchmark;
import dev.thetaevolve.problem.ProblemCatalog;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code bench}: the evaluator's figures in one run (overhead, warm Janino compile, evaluations per second
 * with 2 workers, respawn after a kill) beside the Python-subprocess floor, measured on this machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the evaluator against the Python floor.")
public class BenchCommand implements Callable<Integer> {
    @Option(names = "--rounds", defaultValue = "200", description = "Evaluations per figure, default ${DEFAULT-VALUE}.")
    int rounds;
    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Inject
    ProblemCatalog catalog;

    @Override
    public Integer call() throws Exception {
        if (rounds < 10) throw new UsageError("--rounds must be >= 10, got " + rounds);
        EvaluatorBenchmark.Report report = EvaluatorBenchmark.run(catalog.problem("circle_packing_26"), rounds);
        System.out.println(json ? report.json() : report.text());
        return 0;
    }
}
