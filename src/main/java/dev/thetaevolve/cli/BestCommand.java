package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.render.ConstructionSvg;
import dev.thetaevolve.store.ProgramView;
import dev.thetaevolve.store.RunView;
import dev.thetaevolve.store.StoreService;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code best}: prints the best program's source; with {@code --svg FILE} also writes the drawing of its construction. */
@Command(name = "best", mixinStandardHelpOptions = true, description = "Print the source of a run's best program.")
public class BestCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "Run name.")
    String name;
    @Option(names = "--db", description = "H2 file path or JDBC URL.")
    String db;
    @Option(names = "--svg", paramLabel = "FILE", description = "Also write the drawing of the best construction (SVG: problem, strict score, validity) to FILE.")
    Path svg;

    @Inject
    StoreService store;
    @Inject
    ProblemCatalog catalog;
    @Inject
    ObjectMapper json;

    @Override
    public Integer call() {
        RunView run = Lookups.run(store, name);
        ProgramView best = store.best(run);
        if (best == null) throw new UsageError("run '" + name + "' has no valid program yet");
        System.out.print(best.code());
        if (!best.code().endsWith("\n")) System.out.println();
        System.err.println("// program " + best.seq() + " of run " + run.name() + ", score " + best.score());
        if (svg != null) {
            if (best.construction() == null) throw new UsageError("program " + best.seq() + " of run '" + name + "' kept no construction to draw");
            if (catalog.spec(run.problem()).isEmpty()) throw new UsageError("the problem '" + run.problem() + "' of run '" + name + "' is no longer known");
            String drawing;
            try {
                Object data = json.copy().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).readValue(best.construction(), Object.class);
                drawing = ConstructionSvg.draw(catalog.problem(run.problem()), data);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                drawing = ConstructionSvg.unreadable(run.problem(), "the stored construction is not readable JSON: " + e.getOriginalMessage());
            }
            SvgFiles.write(svg, drawing);
            System.err.println("// drawing written to " + svg);
        }
        return 0;
    }
}
