package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evaluate.Verdict;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.service.Components;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;

/** {@code evaluate}: compiles, runs (sandboxed) and verifies candidate programs. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate candidate programs in the sandbox.")
public class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ProblemOptions options;
    @Option(names = "--workers", description = "Worker JVMs (default: min(files, cores)).")
    Integer workers;
    @Parameters(paramLabel = "FILE.java", description = "Candidate source files.")
    List<Path> files;

    @Inject
    ProblemCatalog catalog;
    @Inject
    Components components;
    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        Problem problem = options.resolve(catalog);
        double tolerance = options.toleranceOrStrict();
        ProblemOptions.requireFiles(files);
        int w = workers != null ? workers : Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        if (w < 1) throw new UsageError("--workers must be >= 1, got " + w);
        try (Evaluator evaluator = components.evaluator(w)) {
            List<CompletableFuture<Verdict>> verdicts = new ArrayList<>();
            for (Path f : files) {
                String source = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                verdicts.add(evaluator.submit(source, problem, tolerance));
            }
            for (int i = 0; i < files.size(); i++) {
                Verdict v = verdicts.get(i).join();
                String name = files.get(i).toString();
                System.out.println(options.json ? VerdictLines.json(json, name, v) : VerdictLines.text(name, v));
            }
        }
        return 0;
    }
}
