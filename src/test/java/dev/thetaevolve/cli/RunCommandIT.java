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
        Cli.Result r = Cli.run("run", "--problem", "circle_packing_26", "--mode", "construct", "--steps", "3", "--parents", "4", "--samples", "4",
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
        String[] common = {"run", "--problem", "circle_packing_26", "--mode", "construct", "--steps", "2", "--parents", "3", "--samples", "3", "--seed", "42", "--db", db, "--json"};
        Cli.Result a = Cli.run(concat(common, "--run", "det-a-" + System.nanoTime()));
        Cli.Result b = Cli.run(concat(common, "--run", "det-b-" + System.nanoTime()));
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(json(a.lastLine()).get("best")).isEqualTo(json(b.lastLine()).get("best"));
    }

    /**
     * Issue 14 §2: {@code run --steps 40}, {@code kill -9} mid-run, a plain {@code resume}: the run completes
     * its 40 steps, and comes out as an uninterrupted 40-step run of the same seed (steps, programs, best).
     */
    @Test
    void run_killedMidStep_plainResumeCompletesTheBudget_likeAnUninterruptedRun() throws Exception {
        String db = Cli.freshDb("crash");
        String name = "crash-" + System.nanoTime();
        String[] run = {"run", "--problem", "circle_packing_26", "--mode", "construct", "--steps", "40", "--parents", "4", "--samples", "4", "--workers", "1",
                "--seed", "3", "--db", db};
        Process p = Cli.builder(List.of(concat(run, "--run", name))).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        int stepsSeen = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("step ")) stepsSeen++;
            if (stepsSeen == 2) break;
        }
        assertThat(stepsSeen).as("the run printed two steps before the kill").isEqualTo(2);
        // killed at once: a reader's start-up (tens of seconds on a loaded machine) would outlast the run
        // (reading the store while another process writes it: ServeIT)
        assertThat(p.isAlive()).as("the run is still going when it is killed").isTrue();
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        JsonNode before = json(Cli.run("programs", "--run", name, "--db", db, "--json").lastLine());
        int committed = before.get("committedSteps").asInt();
        assertThat(committed).as("killed mid-run").isLessThan(40);
        assertThat(before.get("programs").asLong()).isEqualTo(1 + committed * 16L);

        Cli.Result resumed = Cli.run("resume", "--run", name, "--db", db, "--json");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        JsonNode r = json(resumed.lastLine());
        JsonNode after = json(Cli.run("programs", "--run", name, "--db", db, "--json").lastLine());
        assertThat(after.get("committedSteps").asInt()).as("a plain resume completes the stored budget").isEqualTo(40);
        assertThat(after.get("programs").asLong()).isEqualTo(1 + 40 * 16L);
        assertThat(after.get("distinctIds").asLong()).isEqualTo(after.get("programs").asLong());

        Cli.Result straight = Cli.run(concat(concat(run, "--run", name + "-straight"), "--json"));
        assertThat(straight.exit()).as(straight.err()).isZero();
        JsonNode s = json(straight.lastLine());
        assertThat(r.get("steps")).isEqualTo(s.get("steps"));
        assertThat(r.get("programs")).isEqualTo(s.get("programs"));
        assertThat(r.get("best").get("score")).as("best score").isEqualTo(s.get("best").get("score"));
        assertThat(r.get("best").get("programId")).as("best program").isEqualTo(s.get("best").get("programId"));

        // nothing left: a plain resume does nothing and says how to extend; --steps extends the target
        Cli.Result idle = Cli.run("resume", "--run", name, "--db", db, "--json");
        assertThat(idle.exit()).as(idle.err()).isZero();
        assertThat(idle.err()).contains("nothing left of its budget").contains("--steps");
        assertThat(json(idle.lastLine()).get("steps").asInt()).isEqualTo(40);
        Cli.Result more = Cli.run("resume", "--run", name, "--steps", "1", "--db", db, "--json");
        assertThat(json(more.lastLine()).get("steps").asInt()).isEqualTo(41);
        Cli.Result huge = Cli.run("run", "--problem", "circle_packing_26", "--parents", "1000000000", "--steps", "1", "--db", db);
        assertThat(huge.exit()).isEqualTo(2);
        assertThat(huge.err()).contains("parents must be <= 1024 (thetaevolve.limits.parents)");
    }

    @Test
    void run_tolerant_printsTheStrictScoreToo() throws Exception {
        Cli.Result r = Cli.run("run", "--problem", "circle_packing_26", "--mode", "construct", "--tolerance", "1e-6", "--steps", "2", "--parents", "2",
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

        Cli.Result badFlag = Cli.run("run", "--problem", "circle_packing_26", "--mode", "construct", "--steps", "-3", "--db", db);
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
        assertThat(Cli.run("run", "--problem", "circle_packing_26", "--mode", "construct", "--steps", "1", "--parents", "1", "--samples", "2", "--db", db, "--run", name).exit()).isZero();
        Cli.Result again = Cli.run("run", "--problem", "circle_packing_26", "--mode", "construct", "--steps", "1", "--db", db, "--run", name);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already exists").contains("resume");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
