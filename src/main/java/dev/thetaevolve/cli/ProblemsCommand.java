package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.problem.BestKnown;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.store.StoreService;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code problems}: the problem library with best-known bounds and our best so far. */
@Command(name = "problems", mixinStandardHelpOptions = true, description = "List the problems.")
public class ProblemsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON array.")
    boolean jsonOut;
    @Option(names = "--db", description = "H2 file path or JDBC URL.")
    String db;

    @Inject
    ProblemCatalog catalog;
    @Inject
    StoreService store;
    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProblemSpec s : catalog.specs()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", s.id());
            row.put("title", s.title());
            row.put("direction", s.direction().word());
            row.put("bestKnown", bestKnown(s.bestKnown()));
            row.put("ourBest", store.bestScore(s.id(), s.direction()));
            rows.add(row);
        }
        if (jsonOut) {
            System.out.println(json.writeValueAsString(rows));
        } else {
            System.out.printf("%-34s %-9s %-22s %-22s %-22s%n", "id", "direction", "best known", "AlphaEvolve", "our best");
            for (Map<String, Object> r : rows) {
                @SuppressWarnings("unchecked") Map<String, Object> bk = (Map<String, Object>) r.get("bestKnown");
                @SuppressWarnings("unchecked") Map<String, Object> ae = (Map<String, Object>) bk.get("alphaEvolve");
                System.out.printf("%-34s %-9s %-22s %-22s %-22s%n", r.get("id"), r.get("direction"), bk.get("value"),
                        ae == null ? "-" : ae.get("value"), r.get("ourBest") == null ? "-" : r.get("ourBest"));
            }
        }
        return 0;
    }

    /** {@code {value, source, check, alphaEvolve: {value, source} | null}}, the same shape as REST's. */
    static Map<String, Object> bestKnown(BestKnown b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", b.value());
        m.put("source", b.source());
        m.put("check", b.check());
        m.put("alphaEvolve", b.alphaEvolve() == null ? null : Map.of("value", b.alphaEvolve().value(), "source", b.alphaEvolve().source()));
        return m;
    }
}
