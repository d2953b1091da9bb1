package dev.thetaevolve.cli;

import dev.thetaevolve.store.ProgramEntity;
import dev.thetaevolve.store.RunEntity;
import dev.thetaevolve.store.StoreService;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code best}: prints the best program's source. */
@Command(name = "best", mixinStandardHelpOptions = true, description = "Print the source of a run's best program.")
public class BestCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "Run name.")
    String name;
    @Option(names = "--db", description = "H2 file path or JDBC URL.")
    String db;

    @Inject
    StoreService store;

    @Override
    public Integer call() {
        RunEntity run = Lookups.run(store, name);
        ProgramEntity best = store.best(run);
        if (best == null) throw new UsageError("run '" + name + "' has no valid program yet");
        System.out.print(best.code);
        if (!best.code.endsWith("\n")) System.out.println();
        System.err.println("// program " + best.seq + " of run " + run.name + ", score " + best.score);
        return 0;
    }
}
