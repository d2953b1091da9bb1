package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.evaluate.ErrorKind;
import dev.thetaevolve.evaluate.Verdict;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.render.ConstructionSvg;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code verify}: checks raw constructions ({"data": …}) without running any code; with {@code --svg} also
 * writes each one's drawing (strict verdict, even under --tolerance). With {@code --out} it writes the
 * strictly valid form of one construction (itself, or the shrunk packing that a tolerance made valid) in
 * the submission format, for {@code submit}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify raw constructions without running code.")
public class VerifyCommand implements Callable<Integer> {
    @Mixin
    ProblemOptions options;
    @Option(names = "--out", paramLabel = "FILE.json",
            description = "Write the strictly valid construction of the one input file here as {\"data\": …}, ready for `submit`: the input "
                    + "itself when it is strictly valid, else its auto-shrunk form under --tolerance (circle, hexagon and Heilbronn problems). "
                    + "Exit 1, nothing written, when there is none.")
    Path out;
    @Parameters(paramLabel = "FILE.json", description = "Files holding {\"data\": …} in the layout of the reference constructions.")
    List<Path> files;
    @Option(names = "--svg", paramLabel = "FILE", description = "Also write the drawing (SVG) of the construction to FILE; with several files FILE is a folder "
            + "and each drawing is named after its file. The drawing states strict validity; a malformed file gets one that says invalid.")
    Path svg;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Inject
    ProblemCatalog catalog;
    @Inject
    ObjectMapper json;

    @Override
    public Integer call() {
        Problem problem = options.resolve(catalog);
        double tolerance = options.toleranceOrStrict();
        ProblemOptions.requireFiles(files);
        if (out != null && files.size() != 1) throw new UsageError("--out writes one construction: name one input file, got " + files.size());
        // exact integers stay exact (kissing configurations exceed 2^53)
        ObjectMapper reader = json.copy().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
        for (Path f : files) {
            Verdict v = verify(reader, problem, f, tolerance);
            java.io.PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(options.json ? VerdictLines.json(json, f.toString(), v) : VerdictLines.text(f.toString(), v));
            stdout.flush();
            if (svg != null) {
                Path drawing = SvgFiles.target(svg, f, files.size());
                SvgFiles.write(drawing, draw(reader, problem, f));
                spec.commandLine().getErr().println("drawing of " + f + " written to " + drawing);
                spec.commandLine().getErr().flush();
            }
        }
        if (out == null) return 0;
        String why = writeStrict(reader, problem, files.get(0), tolerance, out);
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (why != null) {
            err.println("error: nothing written to " + out + ": " + why);
            err.flush();
            return 1;
        }
        err.println("wrote the strictly valid construction to " + out + " (submit it with `thetaevolve submit --problem " + problem.id() + " " + out + "`)");
        err.flush();
        return 0;
    }

    /**
     * Writes {"data": …} with the strictly valid form of {@code file}'s construction.
     *
     * @return why nothing was written, or null
     */
    String writeStrict(ObjectMapper reader, Problem problem, Path file, double tolerance, Path target) {
        Object data;
        try {
            Object doc = reader.readValue(file.toFile(), Object.class);
            if (!(doc instanceof Map<?, ?> m) || !m.containsKey("data")) return "the file must hold a JSON object with a \"data\" field";
            data = m.get("data");
        } catch (Exception e) {
            return "not valid JSON: " + Main.rootMessage(e);
        }
        Object strict;
        if (problem.verifyJson(data, 0).valid()) {
            strict = data; // already strictly valid: written as read, digit for digit
        } else {
            Verification v = problem.verifyJson(data, tolerance);
            if (!v.valid()) return "the construction is invalid" + (tolerance > 0 ? " even at tolerance " + tolerance : " (strictly; a --tolerance may let it be shrunk)") + ": " + v.reason();
            if (v.strictConstruction() == null) return "it is valid only under the tolerance, and this problem has no shrink to a strictly valid form";
            strict = v.strictConstruction();
            if (!problem.verify(strict, 0).valid()) return "its shrunk form is not strictly valid (a bug: please report it)";
        }
        try {
            json.writeValue(target.toFile(), Map.of("data", strict));
        } catch (java.io.IOException e) {
            throw new UsageError("cannot write " + target + ": " + e.getMessage());
        }
        return null;
    }

    /** The drawing of a file's construction; an unreadable file gets a drawing that says why. */
    static String draw(ObjectMapper reader, Problem problem, Path file) {
        Object doc;
        try {
            doc = reader.readValue(file.toFile(), Object.class);
        } catch (Exception e) {
            return ConstructionSvg.unreadable(problem.id(), "not valid JSON: " + Main.rootMessage(e));
        }
        if (!(doc instanceof Map<?, ?> m) || !m.containsKey("data")) {
            return ConstructionSvg.unreadable(problem.id(), "the file must hold a JSON object with a \"data\" field");
        }
        return ConstructionSvg.draw(problem, m.get("data"));
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
