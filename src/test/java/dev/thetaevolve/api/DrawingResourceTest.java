package dev.thetaevolve.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.render.SvgCheck;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** construction.svg beside each construction's JSON: leaderboard entries, a board's best, programs, a run's best; and drawing a posted one. */
@QuarkusTest
class DrawingResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The reference construction of a problem: ../shared/reference beside the project, else /work/shared/reference. */
    static Object reference(String id) throws Exception {
        Path beside = Path.of("").toAbsolutePath().resolve("../shared/reference/alphaevolve").normalize();
        Path folder = Files.isDirectory(beside) ? beside : Path.of("/work/shared/reference/alphaevolve");
        return JSON.readValue(folder.resolve(id + ".json").toFile(), Map.class).get("data");
    }

    private static SvgCheck svg(String path, boolean immutable) {
        ExtractableResponse<Response> r = given().accept("image/svg+xml").get(path).then().statusCode(200)
                .contentType(containsString("image/svg+xml")).extract();
        assertThat(r.header("Cache-Control")).contains(immutable ? "immutable" : "no-cache");
        assertThat(r.header("Content-Security-Policy")).startsWith("default-src 'none'");
        return SvgCheck.parse(r.asString());
    }

    @Test
    void leaderboardEntry_drawnBesideItsJson_andTheBoardsBest() throws Exception {
        Object hexagons = reference("hexagon_packing_11");
        long entry = TestRuns.authed().body(Map.of("data", hexagons, "submitter", "drawing-test"))
                .post("/api/leaderboards/hexagon_packing_11/submissions").then().statusCode(201).extract().jsonPath().getLong("entry.id");
        SvgCheck c = svg("/api/leaderboards/hexagon_packing_11/entries/" + entry + "/construction.svg", true);
        assertThat(c.count("hexagon")).isEqualTo(11);
        assertThat(c.count("outer")).isEqualTo(1);
        assertThat(c.textOf("problem")).isEqualTo("hexagon_packing_11");
        assertThat(c.textOf("score")).isEqualTo("score 3.930092");
        assertThat(c.textOf("validity")).startsWith("strictly valid");
        // the JSON beside it is unchanged
        given().get("/api/leaderboards/hexagon_packing_11/entries/" + entry + "/construction").then().statusCode(200)
                .contentType(containsString("application/json"));

        SvgCheck best = svg("/api/leaderboards/hexagon_packing_11/best/construction.svg", false);
        assertThat(best.count("hexagon")).isEqualTo(11);
    }

    @Test
    void runBestAndPrograms_jsonAndDrawing() {
        long run = TestRuns.finishedRun();
        List<?> rows = given().get("/api/runs/" + run + "/best/construction").then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath().getList("$");
        assertThat(rows).hasSize(26);
        SvgCheck c = svg("/api/runs/" + run + "/best/construction.svg", false);
        assertThat(c.count("disc")).isEqualTo(26);
        assertThat(c.textOf("problem")).isEqualTo(TestRuns.PROBLEM);

        long best = given().get("/api/runs/" + run).then().statusCode(200).extract().jsonPath().getLong("best.programId");
        SvgCheck p = svg("/api/programs/" + best + "/construction.svg", true);
        assertThat(p.count("disc")).isEqualTo(26);
        double score = given().get("/api/runs/" + run).then().extract().jsonPath(TestRuns.DOUBLES).getDouble("best.score");
        assertThat(p.textOf("score")).isEqualTo("score " + score);
        assertThat(given().get("/api/programs/" + best + "/construction").then().statusCode(200).extract().jsonPath().getList("$")).hasSize(26);
    }

    @Test
    void missing_404Json_never500() {
        for (String path : List.of("/api/leaderboards/circle_packing_26/entries/987654/construction.svg", "/api/leaderboards/nope/best/construction.svg",
                "/api/leaderboards/hadamard_29/best/construction.svg", "/api/programs/987654/construction.svg", "/api/programs/987654/construction",
                "/api/runs/987654/best/construction.svg", "/api/runs/987654/best/construction")) {
            given().accept(path.endsWith(".svg") ? "image/svg+xml" : "application/json").get(path).then().statusCode(404).contentType(containsString("application/json")).body("error", is("not_found"));
        }
    }

    @Test
    void postedConstruction_drawn_invalidOnesSayWhy_badRequests4xx() throws Exception {
        String ok = TestRuns.authed().accept("image/svg+xml").body(Map.of("data", reference("heilbronn_triangle_11")))
                .post("/api/problems/heilbronn_triangle_11/construction.svg").then().statusCode(200).contentType(containsString("image/svg+xml"))
                .extract().asString();
        SvgCheck c = SvgCheck.parse(ok);
        assertThat(c.count("point")).isEqualTo(11);
        assertThat(c.count("smallest-triangle")).isEqualTo(1);

        // wrong shape: a drawing that says invalid and why
        String bad = TestRuns.authed().body(Map.of("data", List.of(List.of(0.5, 0.5), List.of(0.1)))).post("/api/problems/circle_packing_26/construction.svg")
                .then().statusCode(200).extract().asString();
        SvgCheck b = SvgCheck.parse(bad);
        assertThat(b.textOf("validity")).startsWith("INVALID");
        assertThat(b.textOf("reason")).isNotBlank();

        // not a construction at all, not JSON, unknown problem, no token: 4xx JSON
        TestRuns.authed().body(Map.of("nodata", 1)).post("/api/problems/circle_packing_26/construction.svg").then().statusCode(400).body("error", is("bad_request"));
        TestRuns.authed().body("{\"data\": [[0.5, 0.5, NaN]]}").post("/api/problems/circle_packing_26/construction.svg").then().statusCode(400)
                .body("error", is("bad_request"));
        TestRuns.authed().body(Map.of("data", List.of(1))).post("/api/problems/nope/construction.svg").then().statusCode(404);
        given().contentType("application/json").body(Map.of("data", List.of(1))).post("/api/problems/circle_packing_26/construction.svg").then().statusCode(401);
    }
}
