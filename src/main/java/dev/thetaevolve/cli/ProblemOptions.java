package dev.thetaevolve.cli;

import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** --problem, --tolerance and --json, shared by evaluate and verify. */
class ProblemOptions {
    @Option(names = "--problem", required = true, description = "Problem id (see `problems`).")
    String problem;
    @Option(names = "--tolerance", description = "Verification tolerance; default 0 (strict). 1e-6 is ThetaEvolve's search setting.")
    Double tolerance;
    @Option(names = "--json", description = "One JSON object per file, one per line, in order.")
    boolean json;

    Problem resolve(ProblemCatalog catalog) {
        if (catalog.spec(problem).isEmpty()) throw new UsageError("unknown problem '" + problem + "'; run `problems` to list them");
        return catalog.problem(problem);
    }

    double toleranceOrStrict() {
        double t = tolerance == null ? 0 : tolerance;
        if (!(t >= 0) || Double.isInfinite(t)) throw new UsageError("--tolerance must be a finite number >= 0, got " + tolerance);
        return t;
    }

    static void requireFiles(List<Path> files) {
        if (files == null || files.isEmpty()) throw new UsageError("name at least one file");
        for (Path f : files) {
            if (!Files.isRegularFile(f)) throw new UsageError("no such file: " + f);
            if (!Files.isReadable(f)) throw new UsageError("cannot read file: " + f);
        }
    }
}
