package dev.thetaevolve.api;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Tiny runs over the REST API for the service tests (parents 2, samples 2, 1 worker): worker JVMs are real. */
public final class TestRuns {
    public static final String TOKEN = "test-token";
    public static final String PROBLEM = "circle_packing_26";
    /** JSON numbers as doubles, not floats: scores must compare exactly. */
    public static final JsonPathConfig DOUBLES = JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);
    private static Long finished;

    private TestRuns() {
    }

    public static RequestSpecification authed() {
        return given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON);
    }

    /** Starts a tiny run; returns its id. */
    public static long start(int steps, long seed) {
        Map<String, Object> body = Map.of("problem", PROBLEM, "mode", "construct", "steps", steps, "parents", 2, "samples", 2, "workers", 1, "seed", seed);
        return authed().body(body).post("/api/runs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Waits until the run's status is one of {@code statuses}; fails at once when it failed, and after {@code timeout}. */
    public static String await(long id, Duration timeout, String... statuses) {
        List<String> wanted = List.of(statuses);
        return Awaitility.await("run " + id + " reaches one of " + wanted).atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonPath run = given().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath();
                    String status = run.getString("status");
                    if (!wanted.contains(status) && status.equals("FAILED")) {
                        throw new AssertionError("run " + id + " failed: " + run.getString("message"));
                    }
                    return status;
                }, wanted::contains);
    }

    /** One finished 3-step run shared by the read-only tests of this JVM. */
    public static synchronized long finishedRun() {
        if (finished == null) {
            long id = start(3, 11);
            await(id, Duration.ofMinutes(3), "FINISHED");
            finished = id;
        }
        return finished;
    }
}
