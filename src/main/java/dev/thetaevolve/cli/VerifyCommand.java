package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.evaluate.ErrorKind;
import dev.thetaevolve.evaluate.Verdict;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.Verification;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code verify}: checks raw constructions ({"data": …}) without running any code. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify raw constructions without running code.")
public class VerifyCommand implements Callable<Integer> {
    @Mixin
    ProblemOptions options;
    @Parameters(paramLabel = "FILE.json", description = "Files holding {\"data\": …} in the layout of the reference constructions.")
    List<Path> files;

    @Inject
    ProblemCatalog catalog;
    @Inject
    ObjectMapper json;

    @Override
    public Integer call() {
        Problem problem = options.resolve(catalog);
        double tolerance = options.toleranceOrStrict();
        ProblemOptions.requireFiles(files);
        // exact integers stay exact (kissing configurations exceed 2^53)
        ObjectMapper reader = json.copy().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
        for (Path f : files) {
            Verdict v = verify(reader, problem, f, tolerance);
            System.out.println(options.json ? VerdictLines.json(json, f.toString(), v) : VerdictLines.text(f.toString(), v));
        }
        return 0;
    }

    static Verdict verify(ObjectMapper reader, Problem problem, Path file, double tolerance) {
        long t0 = System.nanoTime();
        Object doc;
        try {
            doc = reader.readValue(file.toFile(), Object.class);
        } catch (Exception e) {
            return Verdict.failed(ErrorKind.INVALID_OUTPUT, "not valid JSON: " + Main.rootMessage(e), null, 0, 0);
        }
        if (!(doc instanceof Map<?, ?> m) || !m.containsKey("data")) {
            return Verdict.failed(ErrorKind.INVALID_OUTPUT, "the file must hold a JSON object with a \"data\" field", null, 0, 0);
        }
        Verification v = problem.verifyJson(m.get("data"), tolerance);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (!v.valid()) return Verdict.failed(ErrorKind.INVALID_OUTPUT, v.reason(), null, 0, ms);
        return new Verdict(true, v.score(), v.metrics(), null, null, 0, ms, null, v.strictScore());
    }
}
