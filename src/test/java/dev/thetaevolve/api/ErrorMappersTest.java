package dev.thetaevolve.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ErrorMappersTest {

    @Test
    void malformedJson_400() {
        TestRuns.authed().body("{not json").post("/api/runs").then().statusCode(400)
                .body("error", is("bad_request")).body("message", notNullValue());
    }

    @Test
    void wrongType_400NamesTheField() {
        TestRuns.authed().body("{\"problem\":\"circle_packing_26\",\"parents\":\"two\"}").post("/api/runs").then().statusCode(400)
                .body("message", containsString("parents"));
    }

    @Test
    void emptyBody_400() {
        TestRuns.authed().post("/api/runs").then().statusCode(400).body("error", is("bad_request"));
    }

    @Test
    void wrongMediaType_415Json() {
        given().header("Authorization", "Bearer " + TestRuns.TOKEN).contentType("text/plain").body("hello").post("/api/runs")
                .then().statusCode(415).body("error", is("unsupported_media_type"));
    }

    @Test
    void unknownApiPath_404Json() {
        given().get("/api/nothing-here").then().statusCode(404);
        given().get("/api/runs/not-a-number").then().statusCode(404);
    }

    @Test
    void wrongMethod_405() {
        given().delete("/api/problems").then().statusCode(org.hamcrest.Matchers.anyOf(is(401), is(405)));
    }
}
