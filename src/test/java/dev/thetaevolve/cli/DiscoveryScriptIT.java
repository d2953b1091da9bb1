package dev.thetaevolve.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * scripts/discovery.sh (issue 11 §2) on the packaged jar, with budgets of 3 seconds per mode on one problem,
 * so the script cannot drift from the CLI's flags and --json shapes. (Its figures are meaningless at this
 * budget; BENCHMARKS.md's discovery table comes from 1- and 5-minute runs.)
 */
class DiscoveryScriptIT {

    @Test
    void oneProblem_tinyBudgets_aRowWithBothModesScoresAndRatios() throws Exception {
        assumeFalse(System.getProperty("thetaevolve.test.url", "").startsWith("jdbc:postgresql"),
                "the script keeps a fresh H2 store per run; the PostgreSQL build's jar speaks only PostgreSQL");
        assertThat(Cli.JAR).exists();
        Path out = Files.createDirectories(Path.of("target/it-db")).resolve("discovery-" + System.nanoTime() + ".md");
        Process p = new ProcessBuilder(List.of("bash", "scripts/discovery.sh", "--problems", "uncertainty_hermite",
                "--construct-minutes", "0.05", "--search-minutes", "0.05", "--out", out.toString())).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        String row = Files.readAllLines(out).stream().filter(l -> l.startsWith("| `uncertainty_hermite` |")).findFirst().orElseThrow();
        String[] cells = row.split(" \\| ");
        // problem, direction, seed (construct), seed (search), best construct, best search, best known · source, 2 ratios, date, load, commit
        assertThat(cells).hasSize(12);
        assertThat(cells[1]).isEqualTo("minimize");
        for (int i = 2; i <= 5; i++) assertThat(Double.parseDouble(cells[i])).as(cells[i]).isBetween(0.35, 1.0);
        assertThat(cells[6]).startsWith("0.3520991044 · AlphaEvolve");
        assertThat(cells[7]).matches("\\d+\\.\\d{4} %");
        assertThat(cells[9]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ");
        assertThat(cells[10]).matches("\\d+\\.\\d+ → \\d+\\.\\d+");
    }
}
