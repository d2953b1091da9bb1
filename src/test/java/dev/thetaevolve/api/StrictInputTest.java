package dev.thetaevolve.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

/** Issue 14 §1 and §3: input that used to be bent or answered badly is refused with a 4xx JSON naming the field. */
@QuarkusTest
class StrictInputTest {

    @TestHTTPResource("/")
    URI base;

    private static void refused(String body, String field) {
        TestRuns.authed().body(body).post("/api/runs").then().statusCode(400).body("error", is("bad_request"))
                .body("message", containsString(field));
    }

    @Test
    void runBody_trailingGarbage_400() {
        TestRuns.authed().body("{\"problem\":\"circle_packing_26\",\"steps\":1} trailing").post("/api/runs").then().statusCode(400)
                .body("error", is("bad_request")).body("message", containsString("trailing"));
        TestRuns.authed().body("{\"problem\":\"circle_packing_26\",\"steps\":1}{}").post("/api/runs").then().statusCode(400);
    }

    @Test
    void runBody_fractionForAWholeNumber_400NamesTheField() {
        refused("{\"problem\":\"circle_packing_26\",\"steps\":1.5}", "steps");
        refused("{\"problem\":\"circle_packing_26\",\"steps\":1,\"parents\":2.0}", "parents");
        refused("{\"problem\":\"circle_packing_26\",\"steps\":1,\"seed\":1e3}", "seed");
    }

    @Test
    void runBody_numbersAsStrings_400NamesTheField() {
        refused("{\"problem\":\"circle_packing_26\",\"minutes\":\"1\"}", "minutes");
        refused("{\"problem\":\"circle_packing_26\",\"steps\":\"1\"}", "steps");
        refused("{\"problem\":\"circle_packing_26\",\"steps\":1,\"async\":\"true\"}", "async");
        refused("{\"problem\":\"circle_packing_26\",\"steps\":1,\"async\":1}", "async");
        refused("{\"problem\":5,\"steps\":1}", "problem");
    }

    @Test
    void runBody_unknownField_400NamesIt() {
        refused("{\"problem\":\"circle_packing_26\",\"steps\":1,\"stpes\":3}", "stpes");
        refused("{\"problem\":\"circle_packing_26\",\"steps\":1,\"llm\":{\"modle\":\"m\"}}", "modle");
    }

    @Test
    void runBody_numberOutOfRange_400NamesTheField() {
        refused("{\"problem\":\"circle_packing_26\",\"steps\":99999999999}", "steps");
    }

    @Test
    void otherBodies_areStrictToo() {
        TestRuns.authed().body("{\"data\":[[0.5,0.5,0.1]],\"submitter\":\"x\",\"extra\":1}")
                .post("/api/leaderboards/circle_packing_26/submissions").then().statusCode(400).body("message", containsString("extra"));
        long id = TestRuns.finishedRun();
        TestRuns.authed().body("{\"steps\":1.5}").post("/api/runs/" + id + "/resume").then().statusCode(400)
                .body("message", containsString("steps"));
    }

    @Test
    void nonNumericIds_400OrResolvedByName() {
        long id = TestRuns.finishedRun();
        String name = given().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath().getString("name");
        // a run name works wherever an id does
        given().get("/api/runs/" + name).then().statusCode(200).body("id", is((int) id));
        given().get("/api/runs/" + name + "/history").then().statusCode(200);
        given().get("/api/runs/" + name + "/programs?top=1").then().statusCode(200);
        given().get("/api/runs/no-such-run").then().statusCode(404).body("error", is("not_found"))
                .body("message", containsString("no-such-run"));
        given().get("/api/runs/" + id + "/programs?top=abc").then().statusCode(400).body("message", containsString("top"));
        given().get("/api/runs/" + id + "/events?after=x").then().statusCode(400).body("message", containsString("after"));
        given().get("/api/programs/abc").then().statusCode(400).body("error", is("bad_request")).body("message", containsString("program id"));
        given().get("/api/leaderboards/circle_packing_26/entries/abc/construction").then().statusCode(400)
                .body("message", containsString("entry id"));
    }

    @Test
    void concurrentCreation_ofOneName_oneWinsTheOthers409() throws Exception {
        String name = "race-" + System.nanoTime();
        Map<String, Object> body = Map.of("problem", TestRuns.PROBLEM, "steps", 1, "parents", 2, "samples", 2, "workers", 1, "name", name);
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < n; i++) posts.add(() -> TestRuns.authed().body(body).post("/api/runs").then().extract().statusCode());
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(posts)) codes.add(f.get());
            assertThat(codes).as("statuses").containsOnly(201, 409);
            assertThat(codes.stream().filter(c -> c == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        JsonPath run = given().get("/api/runs/" + name).then().statusCode(200).extract().jsonPath();
        TestRuns.await(run.getLong("id"), Duration.ofMinutes(2), "FINISHED");
    }

    @Test
    void openApi_declaresBearerForWritesOnly() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("components.securitySchemes.bearer.type")).isEqualTo("http");
        assertThat(doc.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(doc.getList("paths.'/api/runs'.post.security")).isEqualTo(List.of(Map.of("bearer", List.of())));
        assertThat(doc.getList("paths.'/api/leaderboards/{problem}/submissions'.post.security")).isNotEmpty();
        assertThat(doc.getList("paths.'/api/runs'.get.security")).isNull();
        given().accept("application/json").get("/q/openapi?format=json").then().body("paths.'/api/runs'.post.responses", hasKey("401"));
    }
}
