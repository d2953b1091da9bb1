package dev.thetaevolve;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/discovery.sh (issue 11 §2) without the packaged jar: its usage errors, its {@code --dry-run}, and
 * its table rows from a stand-in {@code java} on PATH that answers {@code problems --json} and
 * {@code run … --json} with canned summaries. The real jar runs it in DiscoveryScriptIT.
 */
class DiscoveryScriptTest {
    static final Path SCRIPT = Path.of("scripts/discovery.sh").toAbsolutePath();

    @TempDir
    Path bin;

    @BeforeEach
    void standInJava() throws IOException {
        Files.writeString(bin.resolve("problems.json"), """
                [{"id":"hadamard_29","title":"t","direction":"maximize","bestKnown":{"value":0.935673,"source":"brief | n = 29","check":"exact","alphaEvolve":null},"ourBest":null},\
                {"id":"uncertainty_hermite","title":"t","direction":"minimize","bestKnown":{"value":0.35209910442252773,"source":"AlphaEvolve","check":"strict","alphaEvolve":{"value":0.3521,"source":"AlphaEvolve"}},"ourBest":null}]
                """);
        String run = "{\"run\":\"r\",\"steps\":3,\"programs\":9,\"seedScore\":%s,\"best\":{\"score\":%s,\"programId\":2,\"valid\":true},\"status\":\"FINISHED\",\"message\":null,\"sampleFailures\":0}";
        script("java", """
                echo "$*" >> "$(dirname "$0")/java.calls"
                case "$*" in
                  -version) echo 'openjdk version "17.0.15"' >&2 ;;
                  *" problems --json --db "*) echo 'banner'; cat "$(dirname "$0")/problems.json" ;;
                  *"--problem hadamard_29 --mode construct --minutes 0.5 --seed 7 --tolerance 0 "*"--json") echo 'step 1'; echo '%s' ;;
                  *"--problem hadamard_29 --mode search --minutes 0.25 --seed 7 --tolerance 0 "*"--json") echo '%s' ;;
                  *"--problem uncertainty_hermite --mode construct"*) echo 'run r FAILED: boom' >&2; exit 1 ;;
                  *"--problem uncertainty_hermite --mode search"*) echo '%s' ;;
                  *) echo "unexpected: $*" >&2; exit 9 ;;
                esac
                """.formatted(run.formatted("0.143", "0.2"), run.formatted("0.3", "0.5"), run.formatted("0.9", "0.4")));
        Files.writeString(bin.resolve("app.jar"), "");
    }

    @Test
    void rows_scoresRatiosInTheProblemsDirectionAndFailedRuns_appendedUnderOneHeader() throws Exception {
        Path out = bin.resolve("table.md");
        String[] args = {"--problems", "hadamard_29,uncertainty_hermite", "--construct-minutes", "0.5", "--search-minutes", "0.25",
                "--seed", "7", "--jar", bin.resolve("app.jar").toString(), "--out", out.toString()};
        Result r = run(args);

        assertThat(r.exit).as(r.output).isZero();
        String hadamard = line(r.output, "| `hadamard_29` |");
        assertThat(hadamard).startsWith("| `hadamard_29` | maximize | 0.143 | 0.3 | 0.2 | 0.5 | 0.935673 · brief \\| n = 29 | 53.4375 % | – | ");
        String hermite = line(r.output, "| `uncertainty_hermite` |");
        // a failed run is a cell that says so; the other mode's best still makes the ratios
        assertThat(hermite).startsWith("| `uncertainty_hermite` | minimize | – | 0.9 | failed (exit 1: run r FAILED: boom) | 0.4 | "
                + "0.3520991044 · AlphaEvolve | 88.0248 % | 88.0250 % | ");
        assertThat(line(r.output, "| problem |")).contains("best construct (0.5 min)").contains("best search (0.25 min)");

        run(args);
        List<String> table = Files.readAllLines(out);
        assertThat(table.stream().filter(l -> l.startsWith("| problem |"))).hasSize(1);
        assertThat(table.stream().filter(l -> l.startsWith("| `hadamard_29` |"))).hasSize(2);
        assertThat(table.get(0)).startsWith("<!-- scripts/discovery.sh --construct-minutes 0.5 --search-minutes 0.25 --seed 7;");
        // each run has its own store under target/discovery/
        List<String> calls = Files.readAllLines(bin.resolve("java.calls"));
        assertThat(calls.stream().filter(c -> c.contains(" run ")).map(c -> c.replaceAll(".* --db (\\S+) .*", "$1")).distinct()).hasSize(8)
                .allMatch(db -> db.contains("/target/discovery/"));
    }

    @Test
    void dryRun_printsTheTwoCommandsPerProblem_defaultEveryProblem() throws Exception {
        Result some = run("--dry-run", "--problems", "kissing_number_11,hadamard_29", "--seed", "3");
        assertThat(some.exit).as(some.output).isZero();
        List<String> commands = some.output.lines().filter(l -> l.startsWith("java -jar")).toList();
        assertThat(commands).hasSize(4);
        assertThat(commands.get(0)).matches("java -jar target/quarkus-app/quarkus-run.jar run --problem kissing_number_11 --mode construct "
                + "--minutes 1 --seed 3 --tolerance 0 --db target/discovery/\\d{8}T\\d{6}Z-X+/kissing_number_11/construct --run \\S+ --json");
        assertThat(commands.get(3)).contains("--problem hadamard_29 --mode search --minutes 5 --seed 3 ");

        long problems;
        try (var dirs = Files.list(Path.of("problems"))) {
            problems = dirs.filter(d -> Files.isRegularFile(d.resolve("problem.properties"))).count();
        }
        assertThat(run("--dry-run").output.lines().filter(l -> l.startsWith("java -jar"))).hasSize((int) (2 * problems));
        assertThat(bin.resolve("java.calls")).doesNotExist();
    }

    @Test
    void badUsage_oneLineAndExit2() throws Exception {
        for (String[] args : List.of(new String[]{"--problems", "no_such_problem"}, new String[]{"--search-minutes", "0"},
                new String[]{"--construct-minutes", "x"}, new String[]{"--bogus"}, new String[]{"--jar", "/no/such.jar"})) {
            Result r = run(args);
            assertThat(r.exit).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.output.strip().lines()).as(r.output).hasSize(1).allMatch(l -> l.startsWith("scripts/discovery.sh: "));
        }
        assertThat(bin.resolve("java.calls")).doesNotExist();
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " not in\n" + output));
    }

    private void script(String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
