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
        assertThat(j.getDouble("find { it.id == 'circle_packing_26' }.bestKnown.value")).isCloseTo(2.63586, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(j.getString("find { it.id == 'circle_packing_26' }.bestKnown.source")).startsWith("AlphaEvolve");
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
