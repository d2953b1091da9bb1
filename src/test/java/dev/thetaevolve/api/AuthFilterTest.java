package dev.thetaevolve.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class AuthFilterTest {

    @Test
    void post_withoutToken_401Json() {
        given().contentType("application/json").body(Map.of("problem", "circle_packing_26", "steps", 1)).post("/api/runs")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer").body("error", is("unauthorized"))
                .body("message", containsString("Authorization: Bearer"));
    }

    @Test
    void post_wrongToken_401Json() {
        given().header("Authorization", "Bearer not-the-token").contentType("application/json").body(Map.of("problem", "circle_packing_26"))
                .post("/api/runs").then().statusCode(401).body("message", containsString("wrong"));
        given().header("Authorization", "Basic dGVzdC10b2tlbg==").post("/api/runs/1/stop").then().statusCode(401);
    }

    @Test
    void post_rightToken_passesToTheEndpoint() {
        // the token passes; the endpoint then answers for itself (unknown run)
        TestRuns.authed().post("/api/runs/424242/stop").then().statusCode(404);
    }

    @Test
    void reads_arePublic() {
        given().get("/api/problems").then().statusCode(200);
        given().get("/api/runs").then().statusCode(200);
        given().get("/api/leaderboards/circle_packing_26").then().statusCode(200);
    }
}
