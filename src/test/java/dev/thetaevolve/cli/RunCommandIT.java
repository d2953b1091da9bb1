package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine end to end through the packaged jar: runs, resumes, crashes, determinism, counts, errors. */
class RunCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String line) throws Exception {
        return JSON.readTree(line);
    }

    @Test
    void run_threeSteps_commitsAndImproves() throws Exception {
        String db = Cli.freshDb("three");
        Cli.Result r = Cli.run("run", "--problem", "circle_packing_26", "--steps", "3", "--parents", "4", "--samples", "4",
                "--workers", "2", "--seed", "7", "--db", db, "--run", "three-" + System.nanoTime(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = json(r.lastLine());
        assertThat(j.get("steps").asInt()).isEqualTo(3);
        assertThat(j.get("programs").asLong()).isEqualTo(1 + 3 * 16);
        assertThat(j.get("seedScore").asDouble()).isBetween(0.9, 1.0);
        assertThat(j.get("best").get("valid").asBoolean()).isTrue();
        assertThat(j.get("best").get("score").asDouble()).isGreaterThanOrEqualTo(j.get("seedScore").asDouble());

        Cli.Result counts = Cli.run("programs", "--run", j.get("run").asText(), "--db", db, "--json");
        assertThat(counts.exit()).as(counts.err()).isZero();
        JsonNode c = json(counts.lastLine());
        assertThat(c.get("programs").asLong()).isEqualTo(49);
        assertThat(c.get("distinctIds").asLong()).isEqualTo(49);
        assertThat(c.get("committedSteps").asInt()).isEqualTo(3);
        long sum = c.get("valid").asLong() + c.get("lazy").asLong() + c.get("noDiff").asLong();
        for (JsonNode n : c.get("errors")) sum += n.asLong();
        assertThat(sum).isEqualTo(49);

        Cli.Result best = Cli.run("best", "--run", j.get("run").asText(), "--db", db);
        assertThat(best.exit()).isZero();
        assertThat(best.out()).contains("public static double[][] solve()").contains("EVOLVE-BLOCK-START");

        Cli.Result resumed = Cli.run("resume", "--run", j.get("run").asText(), "--steps", "2", "--db", db, "--json");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        JsonNode rj = json(resumed.lastLine());
        assertThat(rj.get("steps").asInt()).isEqualTo(5);
        assertThat(rj.get("programs").asLong()).isEqualTo(1 + 5 * 16);
    }

    @Test
    void run_sameSeedTwice_givesSameBest() throws Exception {
        String db = Cli.freshDb("det");
        String[] common = {"run", "--problem", "circle_packing_26", "--steps", "2", "--parents", "3", "--samples", "3", "--seed", "42", "--db", db, "--json"};
        Cli.Result a = Cli.run(concat(common, "--run", "det-a-" + System.nanoTime()));
        Cli.Result b = Cli.run(concat(common, "--run", "det-b-" + System.nanoTime()));
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(json(a.lastLine()).get("best")).isEqualTo(json(b.lastLine()).get("best"));
    }

    @Test
    void run_killedMidStep_resumesWithNothingLostOrDuplicated() throws Exception {
        String db = Cli.freshDb("crash");
        String name = "crash-" + System.nanoTime();
        Process p = Cli.builder(List.of("run", "--problem", "circle_packing_26", "--steps", "50", "--parents", "8", "--samples", "4",
                "--seed", "3", "--db", db, "--run", name)).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        int stepsSeen = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("step ")) stepsSeen++;
            if (stepsSeen == 2) break;
        }
        assertThat(stepsSeen).as("the run printed two steps before the kill").isEqualTo(2);
        // another process reads the store while the run writes it
        Cli.Result live = Cli.run("programs", "--run", name, "--db", db, "--json");
        assertThat(live.exit()).as(live.err()).isZero();
        assertThat(json(live.lastLine()).get("committedSteps").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(p.isAlive()).as("the run was still going while it was read").isTrue();
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        JsonNode before = json(Cli.run("programs", "--run", name, "--db", db, "--json").lastLine());
        int committed = before.get("committedSteps").asInt();
        assertThat(before.get("programs").asLong()).isEqualTo(1 + committed * 32L);

        Cli.Result resumed = Cli.run("resume", "--run", name, "--steps", "2", "--db", db, "--json");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        JsonNode after = json(Cli.run("programs", "--run", name, "--db", db, "--json").lastLine());
        assertThat(after.get("committedSteps").asInt()).isEqualTo(committed + 2);
        assertThat(after.get("programs").asLong()).isEqualTo(1 + (committed + 2) * 32L);
        assertThat(after.get("distinctIds").asLong()).isEqualTo(after.get("programs").asLong());
    }

    @Test
    void run_tolerant_printsTheStrictScoreToo() throws Exception {
        Cli.Result r = Cli.run("run", "--problem", "circle_packing_26", "--tolerance", "1e-6", "--steps", "2", "--parents", "2",
                "--samples", "3", "--db", Cli.freshDb("tol"), "--run", "tol-" + System.nanoTime());
        assertThat(r.exit()).as(r.err()).isZero();
        String last = r.lastLine();
        assertThat(last).startsWith("best score at tolerance 1.0E-6: ").contains("best strict score: ");
        double strict = Double.parseDouble(last.replaceAll(".*best strict score: ([0-9.E-]+).*", "$1"));
        assertThat(strict).isBetween(0.9, 2.7);
    }

    @Test
    void errors_exitTwoWithMessage() throws Exception {
        String db = Cli.freshDb("err");
        Cli.Result unknownProblem = Cli.run("run", "--problem", "no_such_problem", "--steps", "1", "--db", db);
        assertThat(unknownProblem.exit()).isEqualTo(2);
        assertThat(unknownProblem.err()).contains("unknown problem 'no_such_problem'").doesNotContain("Exception");

        Cli.Result unknownRun = Cli.run("programs", "--run", "nope", "--db", db);
        assertThat(unknownRun.exit()).isEqualTo(2);
        assertThat(unknownRun.err()).contains("unknown run 'nope'");

        Cli.Result badFlag = Cli.run("run", "--problem", "circle_packing_26", "--steps", "-3", "--db", db);
        assertThat(badFlag.exit()).isEqualTo(2);

        Cli.Result badOption = Cli.run("run", "--bogus");
        assertThat(badOption.exit()).isEqualTo(2);

        if (!db.startsWith("jdbc:")) {
            Path junk = Path.of(db + "-junk.mv.db");
            Files.writeString(junk, "this is not a database");
            Cli.Result unreadable = Cli.run("programs", "--run", "x", "--db", junk.toString());
            assertThat(unreadable.exit()).isEqualTo(2);
            assertThat(unreadable.err()).contains("not an H2 database");
        }

        String name = "dup-" + System.nanoTime();
        assertThat(Cli.run("run", "--problem", "circle_packing_26", "--steps", "1", "--parents", "1", "--samples", "2", "--db", db, "--run", name).exit()).isZero();
        Cli.Result again = Cli.run("run", "--problem", "circle_packing_26", "--steps", "1", "--db", db, "--run", name);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already exists").contains("resume");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
