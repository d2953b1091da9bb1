package dev.thetaevolve.api;

import dev.thetaevolve.store.RunView;
import dev.thetaevolve.store.StoreService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class RunResourceTest {


    @Inject
    StoreService store;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    URI base;

    @Test
    void create_startsRunThatFinishes() {
        long id = TestRuns.finishedRun();
        JsonPath d = given().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES);
        assertThat(d.getString("status")).isEqualTo("FINISHED");
        assertThat(d.getInt("step")).isEqualTo(3);
        assertThat(d.getLong("programs")).isEqualTo(1 + 3 * 4);
        assertThat(d.getString("problem")).isEqualTo(TestRuns.PROBLEM);
        assertThat(d.getString("mutator")).isEqualTo("builtin");
        assertThat(d.getDouble("seedScore")).isBetween(0.5, 2.7);
        assertThat(d.getDouble("best.score")).isGreaterThanOrEqualTo(d.getDouble("seedScore"));
        assertThat(d.getLong("best.programId")).isPositive();
        assertThat(d.getDouble("rates.validPercent")).isBetween(0.0, 100.0);
        assertThat(d.getDouble("rates.evaluationsPerSecond")).isGreaterThanOrEqualTo(0.0);
        assertThat(d.getMap("")).containsKeys("id", "name", "evaluations", "message");
        assertThat(d.getInt("steps")).isEqualTo(3);
    }

    @Test
    void create_answers201WithIdNameStatus() {
        JsonPath j = TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "parents", 2, "samples", 2, "workers", 1,
                "name", "named-" + System.nanoTime())).post("/api/runs").then().statusCode(201)
                .header("Location", containsString("/api/runs/")).extract().jsonPath(TestRuns.DOUBLES);
        assertThat(j.getString("name")).startsWith("named-");
        assertThat(j.getString("status")).isEqualTo("RUNNING");
        TestRuns.await(j.getLong("id"), Duration.ofMinutes(2), "FINISHED");
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "name", j.getString("name")))
                .post("/api/runs").then().statusCode(409).body("error", is("conflict"));
    }

    @Test
    void create_badRlOrLlm_400() {
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "rl", true, "reward", "bogus"))
                .post("/api/runs").then().statusCode(400).body("message", containsString("bogus"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "rl", true, "async", true))
                .post("/api/runs").then().statusCode(400).body("message", containsString("async"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "mode", "bogus"))
                .post("/api/runs").then().statusCode(400).body("message", containsString("mode must be construct or search, got 'bogus'"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "mutator", "llm"))
                .post("/api/runs").then().statusCode(400).body("message", containsString("llm.model"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "mode", "construct", "searchStarts", 2))
                .post("/api/runs").then().statusCode(400).body("message", containsString("searchStarts needs mode search"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "mode", "search", "searchStarts", 100))
                .post("/api/runs").then().statusCode(400).body("message", containsString("searchStarts must be between 1 and 64, got '100'"));
    }

    @Test
    void list_hasSummaryFields() {
        long id = TestRuns.finishedRun();
        Map<String, Object> r = given().get("/api/runs").then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES).getMap("find { it.id == " + id + " }");
        assertThat(r).containsKeys("id", "name", "problem", "status", "step", "evaluations", "programs", "best", "seedScore", "createdAt");
        assertThat(r.get("step")).isEqualTo(3);
    }

    @Test
    void history_hasCumulativeEvaluationsPerStep() {
        long id = TestRuns.finishedRun();
        JsonPath h = given().get("/api/runs/" + id + "/history").then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES);
        assertThat(h.getList("step", Integer.class)).containsExactly(0, 1, 2, 3);
        List<Long> evals = h.getList("evaluations", Long.class);
        assertThat(evals.get(0)).isEqualTo(1);
        for (int i = 1; i < evals.size(); i++) assertThat(evals.get(i)).isGreaterThanOrEqualTo(evals.get(i - 1));
        assertThat(h.getList("best", Double.class)).doesNotContainNull();
    }

    @Test
    void history_maxDownsamplesOnTheServer_keepingTheEndsAndImprovements() {
        long id = TestRuns.finishedRun();
        JsonPath all = given().get("/api/runs/" + id + "/history").then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES);
        List<Double> best = all.getList("best", Double.class);
        JsonPath two = given().get("/api/runs/" + id + "/history?max=2").then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES);
        List<Integer> steps = two.getList("step", Integer.class);
        assertThat(steps).startsWith(0).endsWith(3);
        for (int i = 1; i < best.size(); i++) if (!best.get(i).equals(best.get(i - 1))) assertThat(steps).contains(i);
        given().get("/api/runs/" + id + "/history?max=1").then().statusCode(400).body("message", containsString("max"));
    }

    @Test
    void programs_bestFirst() {
        long id = TestRuns.finishedRun();
        JsonPath p = given().get("/api/runs/" + id + "/programs?top=5").then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES);
        List<Double> scores = p.getList("score", Double.class);
        assertThat(scores).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(p.getList("status", String.class)).containsOnly("VALID");
        assertThat(p.getMap("[0]")).containsKeys("id", "seq", "score", "status", "parentSeq", "generation", "step", "summary");
        double best = given().get("/api/runs/" + id).then().extract().jsonPath(TestRuns.DOUBLES).getDouble("best.score");
        assertThat(scores.get(0)).isEqualTo(best);
    }

    @Test
    void programs_badTop_400() {
        long id = TestRuns.finishedRun();
        given().get("/api/runs/" + id + "/programs?top=0").then().statusCode(400).body("error", is("bad_request"));
        given().get("/api/runs/" + id + "/programs?top=abc").then().statusCode(400).body("message", containsString("top"));
    }

    @Test
    void events_afterStep_replaysStepsThenFinished() throws Exception {
        long id = TestRuns.finishedRun();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/runs/" + id + "/events?after=1"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (String line : r.body().split("\n")) if (line.startsWith("event:")) names.add(line.substring(6).trim());
        assertThat(names).startsWith("step").endsWith("finished");
        assertThat(names.stream().filter("step"::equals).count()).isEqualTo(2);
        assertThat(r.body()).contains("\"evaluations\"").contains("\"children\":4").contains("\"millis\"");
        String[] lines = r.body().strip().split("\n");
        String last = lines[lines.length - 1];
        assertThat(last).as("the end event carries the run's totals").startsWith("data:").contains("\"step\":3")
                .contains("\"evaluations\":13").contains("\"best\":");
    }

    @Test
    void stopThenResume_continuesFromLastStep() {
        long id = TestRuns.start(5_000, 5); // far more than a fast machine runs between two requests
        TestRuns.authed().post("/api/runs/" + id + "/stop").then().statusCode(202).body("id", is((int) id));
        TestRuns.await(id, Duration.ofMinutes(2), "STOPPED");
        int stoppedAt = given().get("/api/runs/" + id).then().extract().jsonPath(TestRuns.DOUBLES).getInt("step");
        assertThat(stoppedAt).isLessThan(5_000);
        TestRuns.authed().post("/api/runs/" + id + "/stop").then().statusCode(409).body("error", is("conflict"));

        // a plain resume goes on towards the stored target (5,000); stopped again, nothing is lost or redone
        TestRuns.authed().post("/api/runs/" + id + "/resume").then().statusCode(202).body("status", is("RUNNING"));
        TestRuns.authed().post("/api/runs/" + id + "/stop").then().statusCode(202);
        TestRuns.await(id, Duration.ofMinutes(2), "STOPPED");
        assertThat(given().get("/api/runs/" + id).then().extract().jsonPath(TestRuns.DOUBLES).getInt("step")).isBetween(stoppedAt, 4_999);
        assertThat(given().get("/api/runs/" + id + "/history").then().extract().jsonPath().getList("step", Integer.class))
                .isEqualTo(java.util.stream.IntStream.rangeClosed(0, given().get("/api/runs/" + id).then().extract().jsonPath().getInt("step")).boxed().toList());
    }

    @Test
    void resume_plainCompletesTheBudget_stepsExtendIt() {
        long id = TestRuns.start(2, 9);
        TestRuns.await(id, Duration.ofMinutes(2), "FINISHED");
        // nothing left of 2 steps: a plain resume finishes at once, where it was
        TestRuns.authed().post("/api/runs/" + id + "/resume").then().statusCode(202);
        TestRuns.await(id, Duration.ofMinutes(2), "FINISHED");
        assertThat(given().get("/api/runs/" + id).then().extract().jsonPath().getInt("step")).isEqualTo(2);
        // steps extend the target: 2 + 1
        TestRuns.authed().body(Map.of("steps", 1)).post("/api/runs/" + id + "/resume").then().statusCode(202).body("status", is("RUNNING"));
        TestRuns.await(id, Duration.ofMinutes(2), "FINISHED");
        assertThat(given().get("/api/runs/" + id).then().extract().jsonPath().getInt("step")).isEqualTo(3);
        assertThat(given().get("/api/runs/" + id).then().extract().jsonPath().getInt("steps")).isEqualTo(3);
    }

    @Test
    void limits_refuseOversizedRuns_namingTheLimit() {
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "parents", 1_000_000_000)).post("/api/runs").then().statusCode(400)
                .body("message", containsString("parents must be <= 1024 (thetaevolve.limits.parents)"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "samples", 100_000)).post("/api/runs").then().statusCode(400)
                .body("message", containsString("thetaevolve.limits.samples"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "parents", 1000, "samples", 200)).post("/api/runs").then().statusCode(400)
                .body("message", containsString("thetaevolve.limits.children-per-step"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 2_000_000_000)).post("/api/runs").then().statusCode(400)
                .body("message", containsString("thetaevolve.limits.steps"));
        TestRuns.authed().body("{\"problem\":\"circle_packing_26\",\"minutes\":1e308}").post("/api/runs").then().statusCode(400)
                .body("message", containsString("minutes must be <= 43200 (thetaevolve.limits.minutes)"));
        long id = TestRuns.finishedRun();
        TestRuns.authed().body(Map.of("steps", 2_000_000_000)).post("/api/runs/" + id + "/resume").then().statusCode(400)
                .body("message", containsString("thetaevolve.limits.steps"));
    }

    @Test
    void unknownRun_404() {
        given().get("/api/runs/999999").then().statusCode(404).body("error", is("not_found"));
        given().get("/api/runs/999999/history").then().statusCode(404);
        given().get("/api/runs/999999/events").then().statusCode(404).body("error", is("not_found"));
        TestRuns.authed().post("/api/runs/999999/stop").then().statusCode(404);
        TestRuns.authed().post("/api/runs/999999/resume").then().statusCode(404);
    }

    @Test
    void create_badInputs_4xxJson() {
        TestRuns.authed().body(Map.of("problem", "no_such", "steps", 1)).post("/api/runs").then().statusCode(404)
                .body("error", is("not_found")).body("message", containsString("no_such"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", -1)).post("/api/runs").then().statusCode(400)
                .body("message", containsString("steps must be >= 0"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "parents", 0)).post("/api/runs").then().statusCode(400)
                .body("message", containsString("parents"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "workers", 999)).post("/api/runs").then().statusCode(400)
                .body("message", containsString("workers"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "mutator", "magic")).post("/api/runs").then().statusCode(400)
                .body("message", containsString("mutator"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "mutator", "llm")).post("/api/runs").then().statusCode(400)
                .body("message", containsString("llm.url"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "mutator", "llm",
                        "llm", Map.of("url", "http://127.0.0.1:1/v1", "model", "m", "keyEnv", "THETAEVOLVE_API_TOKEN")))
                .post("/api/runs").then().statusCode(400).body("message", containsString("keyEnv"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "mutator", "llm",
                        "llm", Map.of("url", "http://127.0.0.1:1/v1", "model", "m", "timeout", "soon")))
                .post("/api/runs").then().statusCode(400).body("message", containsString("llm.timeout"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "mutator", "llm",
                        "llm", Map.of("url", "http://127.0.0.1:1/v1", "model", "m", "maxFailures", -1)))
                .post("/api/runs").then().statusCode(400).body("message", containsString("llm.maxFailures"));
        TestRuns.authed().body(Map.of("problem", TestRuns.PROBLEM, "steps", 1, "name", "bad name!")).post("/api/runs").then().statusCode(400);
        TestRuns.authed().body(Map.of("steps", 1)).post("/api/runs").then().statusCode(400).body("message", containsString("problem"));
        TestRuns.authed().body("{\"problem\": \"circle_packing_26\", \"steps\": ").post("/api/runs").then().statusCode(400)
                .body("error", is("bad_request"));
        TestRuns.authed().body("{\"problem\": \"circle_packing_26\", \"steps\": \"many\"}").post("/api/runs").then().statusCode(400)
                .body("message", containsString("steps"));
        TestRuns.authed().body(Map.of("steps", -2)).post("/api/runs/" + TestRuns.finishedRun() + "/resume").then().statusCode(400);
    }

    @Test
    void storedConfig_neverHoldsTheToken() {
        long id = TestRuns.finishedRun();
        RunView run = store.run(id);
        assertThat(run.config()).doesNotContain(TestRuns.TOKEN).doesNotContainIgnoringCase("authorization");
        assertThat(run.config()).contains("\"parents\":2");
    }
}
