package dev.thetaevolve.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class ProblemResourceTest {

    @Test
    void list_hasProblemsWithBounds() {
        JsonPath j = given().get("/api/problems").then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES);
        Map<String, Object> p = j.getMap("find { it.id == 'circle_packing_26' }");
        assertThat(p).containsKeys("id", "title", "direction", "returnType", "timeLimitMillis", "bestKnown", "ourBest").doesNotContainKey("task");
        assertThat(p.get("direction")).isEqualTo("maximize");
        assertThat(p.get("returnType")).isEqualTo("double[][]");
        // today's record, with the check its source used, and AlphaEvolve's value beside it
        assertThat(j.getDouble("find { it.id == 'circle_packing_26' }.bestKnown.value")).isEqualTo(2.6359830774);
        assertThat(j.getString("find { it.id == 'circle_packing_26' }.bestKnown.source")).startsWith("ThetaEvolve");
        assertThat(j.getString("find { it.id == 'circle_packing_26' }.bestKnown.check")).isEqualTo("strict");
        assertThat(j.getDouble("find { it.id == 'circle_packing_26' }.bestKnown.alphaEvolve.value")).isEqualTo(2.6358627564136983);
        assertThat(j.getString("find { it.id == 'circle_packing_26' }.bestKnown.alphaEvolve.source")).startsWith("AlphaEvolve");
        assertThat(j.getDouble("find { it.id == 'kissing_number_11' }.bestKnown.value")).isEqualTo(604.0);
        assertThat(j.getDouble("find { it.id == 'kissing_number_11' }.bestKnown.alphaEvolve.value")).isEqualTo(593.0);
        // hadamard_29 is not an AlphaEvolve problem: no value beside the record
        assertThat(j.getMap("find { it.id == 'hadamard_29' }.bestKnown")).containsEntry("alphaEvolve", null);
    }

    @Test
    void get_hasTaskAndShaping() {
        JsonPath j = given().get("/api/problems/circle_packing_26").then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES);
        assertThat(j.getString("task")).isNotBlank();
        assertThat(j.getDouble("shaping.b")).isEqualTo(2.635);
        assertThat(j.getDouble("shaping.alpha")).isEqualTo(3.0);
        assertThat(j.getDouble("shaping.m")).isEqualTo(5.0);
        assertThat(j.getDouble("shaping.a")).isEqualTo(0.0);
    }

    @Test
    void get_unknownProblem_404Json() {
        given().get("/api/problems/nope").then().statusCode(404)
                .body("error", is("not_found"))
                .body("message", containsString("nope"));
    }
}
