package dev.thetaevolve.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class ProgramResourceTest {

    @Test
    void get_bestProgram_hasCodeMetricsAndLineageToSeed() {
        long run = TestRuns.finishedRun();
        long best = given().get("/api/runs/" + run).then().extract().jsonPath(TestRuns.DOUBLES).getLong("best.programId");
        JsonPath p = given().get("/api/programs/" + best).then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES);
        assertThat(p.getMap("")).containsKeys("id", "runId", "seq", "status", "score", "reward", "metrics", "feedback", "summary", "tier",
                "code", "parentId", "lineage");
        assertThat(p.getLong("runId")).isEqualTo(run);
        assertThat(p.getString("status")).isEqualTo("VALID");
        assertThat(p.getString("code")).contains("EVOLVE-BLOCK-START").contains("solve()");
        List<Integer> seqs = p.getList("lineage.seq", Integer.class);
        if (p.getLong("seq") == 0) {
            assertThat(seqs).isEmpty();
            assertThat(p.get("parentId") == null).isTrue();
        } else {
            assertThat(seqs).isNotEmpty().endsWith(0);
            assertThat(p.getLong("parentId")).isEqualTo(p.getLong("lineage[0].id"));
            JsonPath parent = given().get("/api/programs/" + p.getLong("parentId")).then().statusCode(200).extract().jsonPath(TestRuns.DOUBLES);
            assertThat(parent.getLong("seq")).isEqualTo(seqs.get(0).longValue());
        }
    }

    @Test
    void get_unknown_404() {
        given().get("/api/programs/98765432").then().statusCode(404).body("error", is("not_found"));
    }
}
