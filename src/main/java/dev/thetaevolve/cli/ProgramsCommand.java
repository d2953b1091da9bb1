package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.store.RunCounts;
import dev.thetaevolve.store.RunView;
import dev.thetaevolve.store.StoreService;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code programs}: counts of a run's programs, read from the store (also while another process writes it). */
@Command(name = "programs", mixinStandardHelpOptions = true, description = "Count a run's programs by outcome.")
public class ProgramsCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "Run name.")
    String name;
    @Option(names = "--db", description = "H2 file path or JDBC URL.")
    String db;
    @Option(names = "--json", description = "Print one JSON object.")
    boolean jsonOut;

    @Inject
    StoreService store;
    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        RunView run = Lookups.run(store, name);
        RunCounts c = store.counts(run);
        if (jsonOut) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("run", c.run());
            out.put("programs", c.programs());
            out.put("valid", c.valid());
            out.put("lazy", c.lazy());
            out.put("noDiff", c.noDiff());
            out.put("errors", c.errors());
            out.put("committedSteps", c.committedSteps());
            out.put("distinctIds", c.distinctIds());
            out.put("sampleFailed", c.sampleFailures().values().stream().mapToLong(Long::longValue).sum());
            out.put("sampleFailures", c.sampleFailures());
            System.out.println(json.writeValueAsString(out));
        } else {
            System.out.printf("run %s: %d programs, %d valid, %d lazy, %d without diff, %d committed steps%n",
                    c.run(), c.programs(), c.valid(), c.lazy(), c.noDiff(), c.committedSteps());
            c.errors().forEach((k, v) -> System.out.printf("  %-15s %d%n", k, v));
            c.sampleFailures().forEach((k, v) -> System.out.printf("  sample failed: %-15s %d%n", k, v));
        }
        return 0;
    }
}
