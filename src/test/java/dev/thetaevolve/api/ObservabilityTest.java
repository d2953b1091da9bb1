package dev.thetaevolve.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** Health, OpenAPI and the Prometheus meters the service promises. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void health_up() {
        given().get("/q/health").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void openapi_listsTheApi() {
        String doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(doc).contains("/api/runs").contains("/api/leaderboards/{problem}").contains("/api/programs/{id}");
    }

    @Test
    void metrics_exposeRunMeters() {
        long run = TestRuns.finishedRun();
        String name = given().get("/api/runs/" + run).then().extract().jsonPath(TestRuns.DOUBLES).getString("name");
        String m = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(m).containsPattern("thetaevolve_evaluations_total [1-9]")
                .contains("thetaevolve_children_total{status=\"COMPILE\"}")
                .contains("thetaevolve_step_seconds_count")
                .contains("thetaevolve_run_best_score{run=\"" + name + "\"}")
                .contains("thetaevolve_llm_tokens_total{type=\"completion\"}")
                .contains("thetaevolve_llm_requests_in_flight");
    }
}
