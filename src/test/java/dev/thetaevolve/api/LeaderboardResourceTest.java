package dev.thetaevolve.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class LeaderboardResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** AlphaEvolve's circle_packing_26 construction (rows x, y, r), strictly valid, sum of radii 2.6358627564136983. */
    @SuppressWarnings("unchecked")
    private static List<List<Double>> reference() throws Exception {
        try (InputStream in = LeaderboardResourceTest.class.getResourceAsStream("/constructions/circle_packing_26.json")) {
            return JSON.readValue(in, List.class);
        }
    }

    @Test
    void submit_validConstruction_ranksAndServesRawData() throws Exception {
        List<List<Double>> data = reference();
        // 200 when another test of this JVM (WebPageTest) put the same construction on the board first
        JsonPath r = TestRuns.authed().body(Map.of("data", data, "submitter", "alphaevolve-reference"))
                .post("/api/leaderboards/circle_packing_26/submissions").then().statusCode(org.hamcrest.Matchers.anyOf(is(200), is(201)))
                .extract().jsonPath(TestRuns.DOUBLES);
        assertThat(r.getDouble("entry.score")).isEqualTo(2.6358627564136983);
        if (!r.getBoolean("existing")) assertThat(r.getString("entry.submitter")).isEqualTo("alphaevolve-reference");
        assertThat(r.getLong("rank")).isEqualTo(1);
        long entryId = r.getLong("entry.id");

        String raw = given().get("/api/leaderboards/circle_packing_26/entries/" + entryId + "/construction").then().statusCode(200)
                .contentType(containsString("application/json")).extract().asString();
        assertThat(JSON.readValue(raw, List.class)).isEqualTo(data);

        JsonPath b = given().get("/api/leaderboards/circle_packing_26").then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES);
        assertThat(b.getString("problem")).isEqualTo("circle_packing_26");
        assertThat(b.getString("direction")).isEqualTo("maximize");
        // the flag follows today's record (2.6359830774), not AlphaEvolve's value, which this entry equals
        assertThat(b.getDouble("bestKnown.value")).isEqualTo(2.6359830774);
        assertThat(b.getDouble("bestKnown.alphaEvolve.value")).isEqualTo(2.6358627564136983);
        assertThat(b.getBoolean("beatsBestKnown")).isFalse();
        assertThat(b.getLong("entries[0].id")).isEqualTo(entryId);
        assertThat(b.getMap("entries[0]")).containsKeys("id", "score", "submitter", "runId", "programId", "createdAt");
        assertThat(b.getList("entries.score", Double.class)).isSortedAccordingTo((x, y) -> Double.compare(y, x));

        // the problem list's "our best so far" is the best strictly verified entry
        assertThat(given().get("/api/problems/circle_packing_26").then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES)
                .getDouble("ourBest")).isEqualTo(2.6358627564136983);
    }

    @Test
    void submit_sameConstructionTwice_200WithTheEntryAlreadyThere() throws Exception {
        List<List<Double>> data = reference();
        data.get(0).set(2, data.get(0).get(2) * 0.5); // a smaller circle 0: valid, and no other test's construction
        JsonPath first = TestRuns.authed().body(Map.of("data", data, "submitter", "twin-a"))
                .post("/api/leaderboards/circle_packing_26/submissions").then().statusCode(201).extract().jsonPath(TestRuns.DOUBLES);
        assertThat(first.getBoolean("existing")).isFalse();
        // the same numbers, written differently (1e0 style and spacing), by someone else
        String again = JSON.writeValueAsString(data).replace(",", " , ");
        JsonPath second = TestRuns.authed().body("{\"submitter\":\"twin-b\",\"data\":" + again + "}")
                .post("/api/leaderboards/circle_packing_26/submissions").then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES);
        assertThat(second.getBoolean("existing")).isTrue();
        assertThat(second.getLong("entry.id")).isEqualTo(first.getLong("entry.id"));
        assertThat(second.getString("entry.submitter")).isEqualTo("twin-a");
        List<Long> ids = given().get("/api/leaderboards/circle_packing_26").then().extract().jsonPath().getList("entries.id", Long.class);
        assertThat(ids.stream().filter(id -> id == first.getLong("entry.id")).count()).isEqualTo(1);
        assertThat(given().get("/api/leaderboards/circle_packing_26").then().extract().jsonPath().getList("entries.submitter"))
                .doesNotContain("twin-b");
    }

    @Test
    void submit_overlappingCircles_422WithReason() throws Exception {
        List<List<Double>> data = reference();
        data.get(16).set(2, data.get(16).get(2) + 1e-8); // circles 16 and 22 are 7.2e-9 apart: now they overlap
        TestRuns.authed().body(Map.of("data", data, "submitter", "cheater"))
                .post("/api/leaderboards/circle_packing_26/submissions").then().statusCode(422)
                .body("error", is("invalid_construction")).body("message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()));
        TestRuns.authed().body(Map.of("data", List.of(1, 2, 3), "submitter", "x"))
                .post("/api/leaderboards/circle_packing_26/submissions").then().statusCode(422);
        TestRuns.authed().body(Map.of("data", "System.exit(0)", "submitter", "x"))
                .post("/api/leaderboards/circle_packing_26/submissions").then().statusCode(422);
    }

    @Test
    void submit_badInputs_4xx() throws Exception {
        TestRuns.authed().body(Map.of("data", reference(), "submitter", "x")).post("/api/leaderboards/nope/submissions").then().statusCode(404)
                .body("error", is("not_found"));
        TestRuns.authed().body(Map.of("submitter", "x")).post("/api/leaderboards/circle_packing_26/submissions").then().statusCode(400)
                .body("message", containsString("data"));
        TestRuns.authed().body(Map.of("data", reference())).post("/api/leaderboards/circle_packing_26/submissions").then().statusCode(400)
                .body("message", containsString("submitter"));
        given().contentType("application/json").body(Map.of("data", reference(), "submitter", "x"))
                .post("/api/leaderboards/circle_packing_26/submissions").then().statusCode(401);
        given().get("/api/leaderboards/nope").then().statusCode(404).body("error", is("not_found"));
        given().get("/api/leaderboards/circle_packing_26/entries/987654/construction").then().statusCode(404);
    }

    @Test
    void finishedRun_becomesAnEntry() {
        long run = TestRuns.finishedRun();
        JsonPath d = given().get("/api/runs/" + run).then().extract().jsonPath(TestRuns.DOUBLES);
        JsonPath b = given().get("/api/leaderboards/circle_packing_26").then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES);
        Map<String, Object> entry = b.getMap("entries.find { it.runId == " + run + " }");
        assertThat(entry).as("the run's best is on the board").isNotNull();
        assertThat(((Number) entry.get("programId")).longValue()).isEqualTo(d.getLong("best.programId"));
        assertThat(((Number) entry.get("score")).doubleValue()).isEqualTo(d.getDouble("best.score"));
        assertThat(entry.get("submitter")).isNull();
        assertThat(b.getList("entries.findAll { it.runId == " + run + " }")).hasSize(1);
    }
}
