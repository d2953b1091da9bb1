package dev.thetaevolve.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The web page in a real headless Chromium: the leaderboard and the run page's live plot render with
 * data. Screenshots go to target/screenshots/. Without Chromium it fails, unless
 * {@code -Dthetaevolve.skipBrowser=true}.
 */
@QuarkusTest
class WebPageTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void page_rendersLeaderboardAndLivePlot() throws Exception {
        String[] why = new String[1];
        String[] tools = Chromium.locate(why);
        if (tools == null) {
            Assumptions.assumeFalse(Boolean.getBoolean("thetaevolve.skipBrowser"), "skipped: thetaevolve.skipBrowser=true");
            fail(why[0]);
        }
        // data: a finished run (its best is on the board), a submission, and a run still going while the page watches
        long finished = TestRuns.finishedRun();
        List<?> reference = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(WebPageTest.class.getResourceAsStream("/constructions/circle_packing_26.json"), List.class);
        TestRuns.authed().body(Map.of("data", reference, "submitter", "web-test")).post("/api/leaderboards/circle_packing_26/submissions")
                .then().statusCode(201);
        long going = TestRuns.start(60, 21);

        try (Chromium browser = new Chromium(tools[0], tools[1])) {
            browser.open(base + "#/");
            browser.await("return document.querySelectorAll('#problems tbody tr').length > 0", Duration.ofSeconds(20), "the problem list");
            assertThat(browser.script("return document.querySelector('#problems').innerText").asText()).contains("circle_packing_26");
            browser.screenshot(Path.of("target/screenshots/problems.png"));

            browser.open(base + "#/problem/circle_packing_26");
            browser.await("return document.querySelectorAll('#leaderboard tbody tr').length >= 2", Duration.ofSeconds(20), "two leaderboard rows");
            String board = browser.script("return document.querySelector('#leaderboard').innerText").asText();
            assertThat(board).contains("web-test").contains("2.635862756413698").contains("run " + finished);
            browser.screenshot(Path.of("target/screenshots/leaderboard.png"));

            browser.open(base + "#/run/" + going);
            browser.await("return document.querySelector('#plot') != null", Duration.ofSeconds(20), "the plot");
            int before = browser.script("return +document.querySelector('#plot').getAttribute('data-points')").asInt();
            // the run goes on while the page is open: new points arrive through server-sent events
            browser.await("return +document.querySelector('#plot').getAttribute('data-points') >= " + (before + 3), Duration.ofMinutes(2),
                    "three more plot points arriving live");
            TestRuns.authed().post("/api/runs/" + going + "/stop").then().statusCode(202);
            browser.await("return /STOPPED/.test(document.querySelector('#run-stats').innerText)", Duration.ofMinutes(2), "the run stopped");
            int steps = TestRuns.authed().get("/api/runs/" + going + "/history").then().extract().jsonPath(TestRuns.DOUBLES).getList("step").size();
            browser.await("return +document.querySelector('#plot').getAttribute('data-points') === " + steps, Duration.ofSeconds(10),
                    "one plot point per committed step (" + steps + ")");
            assertThat(browser.script("return document.querySelectorAll('#plot circle').length").asInt()).isEqualTo(steps);
            assertThat(browser.script("return document.querySelector('#plot path.line').getAttribute('d')").asText()).startsWith("M");
            browser.await("return document.querySelector('#best-code') != null", Duration.ofSeconds(20), "the best program's code");
            assertThat(browser.script("return document.querySelector('#best-code').innerText").asText()).contains("solve()");
            browser.screenshot(Path.of("target/screenshots/run.png"));

            // a child with a parent shows a diff and its lineage
            long child = TestRuns.authed().get("/api/runs/" + finished + "/programs?top=20").then().extract().jsonPath(TestRuns.DOUBLES)
                    .getList("findAll { it.seq > 0 }.id", Long.class).stream().findFirst().orElseThrow();
            browser.open(base + "#/program/" + child);
            browser.await("return document.querySelector('#program-page') != null && document.querySelector('#program').dataset.id === '" + child
                    + "' && document.querySelector('#diff') != null && document.querySelector('#lineage') != null", Duration.ofSeconds(20),
                    "program " + child + " with its diff and lineage");
            assertThat(browser.script("return document.querySelectorAll('#diff .add, #diff .del').length").asInt()).isPositive();
            browser.screenshot(Path.of("target/screenshots/program.png"));
        }
        assertThat(Files.size(Path.of("target/screenshots/run.png"))).isGreaterThan(10_000);
    }
}
