package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user adds a problem as two folders (problems/ID and evaluators/ID) and the packaged jar picks it up
 * without a rebuild: listed, its seed evaluated in the sandbox, constructions verified, a run evolves it.
 */
class UserProblemIT {
    private static final String PROPS = """
            id=sum_of_squares_5
            title=Five numbers in [0,1] whose sum of squares is as large as possible
            direction=maximize
            returnType=double[]
            timeLimitMillis=5000
            tolerance=0
            bestKnown.value=5
            bestKnown.source=trivial: all ones
            shaping.A=0
            shaping.B=5
            shaping.alpha=1
            shaping.M=1
            """;
    private static final String SEED = """
            public class Seed {
                // EVOLVE-BLOCK-START
                public static double[] solve() {
                    double[] x = new double[5];
                    for (int i = 0; i < 5; i++) x[i] = 0.25;
                    return x;
                }
                // EVOLVE-BLOCK-END
            }
            """;
    private static final String VERIFIER = """
            import dev.thetaevolve.problem.Verification;
            import dev.thetaevolve.problem.Verifier;

            public class SumOfSquaresVerifier implements Verifier {
                public Verification verify(Object output, double tol) {
                    double[] x = (double[]) output;
                    if (x.length != 5) return Verification.invalid("expected 5 numbers, got " + x.length);
                    double s = 0;
                    for (int i = 0; i < 5; i++) {
                        if (Double.isNaN(x[i]) || Double.isInfinite(x[i])) return Verification.invalid("x[" + i + "] is not finite");
                        if (x[i] < -tol || x[i] > 1 + tol) return Verification.invalid("x[" + i + "] = " + x[i] + " is outside [0, 1]");
                        s += x[i] * x[i];
                    }
                    return Verification.valid(s);
                }
            }
            """;

    @Test
    void userProblem_pickedUpWithoutRebuild() throws Exception {
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "home");
        Path p = Files.createDirectories(home.resolve("problems/sum_of_squares_5"));
        Files.writeString(p.resolve("problem.properties"), PROPS);
        Files.writeString(p.resolve("task.md"), "Return five numbers in [0,1]; the score is the sum of their squares.");
        Files.writeString(p.resolve("Seed.java"), SEED);
        Path e = Files.createDirectories(home.resolve("evaluators/sum_of_squares_5"));
        Files.writeString(e.resolve("SumOfSquaresVerifier.java"), VERIFIER);
        Path good = Files.writeString(home.resolve("good.json"), "{\"data\": [1, 1, 0.5, 0, 0]}");
        Path bad = Files.writeString(home.resolve("bad.json"), "{\"data\": [1, 1, 1.5, 0, 0]}");
        ObjectMapper json = new ObjectMapper();
        String db = Cli.freshDb("user");

        JsonNode list = json.readTree(run(home, "problems", "--json", "--db", db).lastLine());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo("sum_of_squares_5");

        JsonNode seed = json.readTree(run(home, "evaluate", "--problem", "sum_of_squares_5", "--json", p.resolve("Seed.java").toString()).lastLine());
        assertThat(seed.get("valid").asBoolean()).isTrue();
        assertThat(seed.get("score").asDouble()).isEqualTo(5 * 0.0625);

        Cli.Result verified = run(home, "verify", "--problem", "sum_of_squares_5", "--json", good.toString(), bad.toString());
        String[] lines = verified.out().strip().split("\n");
        assertThat(json.readTree(lines[0]).get("score").asDouble()).isEqualTo(2.25);
        assertThat(json.readTree(lines[1]).get("error").get("message").asText()).contains("outside [0, 1]");

        JsonNode evolved = json.readTree(run(home, "run", "--problem", "sum_of_squares_5", "--steps", "3", "--parents", "4",
                "--samples", "4", "--db", db, "--json").lastLine());
        assertThat(evolved.get("best").get("score").asDouble()).isGreaterThan(evolved.get("seedScore").asDouble());
    }

    private static Cli.Result run(Path home, String... args) throws Exception {
        ProcessBuilder pb = Cli.builder(List.of(args));
        pb.environment().put("THETAEVOLVE_HOME", home.toString());
        Path out = Files.createTempFile("user", ".out");
        Path err = Files.createTempFile("user", ".err");
        Process proc = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(proc.waitFor(5, TimeUnit.MINUTES)).isTrue();
        Cli.Result r = new Cli.Result(proc.exitValue(), Files.readString(out), Files.readString(err));
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }
}
