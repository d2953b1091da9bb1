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
        @SuppressWarnings("unchecked") List<List<Double>> reference = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(WebPageTest.class.getResourceAsStream("/constructions/circle_packing_26.json"), List.class);
        // the reference packing (200: another test put the same construction on the board first; boards keep one entry per construction)
        long webEntry = TestRuns.authed().body(Map.of("data", reference, "submitter", "web-test")).post("/api/leaderboards/circle_packing_26/submissions")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201))).extract().jsonPath().getLong("entry.id");
        // and one of this test's own: circle 1 at half its radius
        @SuppressWarnings("unchecked") List<List<Double>> own = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(WebPageTest.class.getResourceAsStream("/constructions/circle_packing_26.json"), List.class);
        own.get(1).set(2, own.get(1).get(2) / 2);
        double submitted = TestRuns.authed().body(Map.of("data", own, "submitter", "web-test")).post("/api/leaderboards/circle_packing_26/submissions")
                .then().statusCode(201).extract().jsonPath(TestRuns.DOUBLES).getDouble("entry.score");
        // a second family for the drawings: a step function
        long c1Entry = TestRuns.authed().body(Map.of("data", DrawingResourceTest.reference("first_autocorrelation_c1"), "submitter", "web-test"))
                .post("/api/leaderboards/first_autocorrelation_c1/submissions").then().statusCode(201).extract().jsonPath().getLong("entry.id");
        // a run that cannot finish on its own before the page has watched it (a fast machine ran 60 steps before the stop came)
        long going = TestRuns.start(100_000, 21);

        try (Chromium browser = new Chromium(tools[0], tools[1])) {
            browser.open(base + "#/");
            browser.await("return document.querySelectorAll('#problems tbody tr').length > 0", Duration.ofSeconds(20), "the problem list");
            // the table shows today's record and AlphaEvolve's value beside it
            assertThat(browser.script("return document.querySelector('#problems').innerText").asText()).contains("circle_packing_26")
                    .containsIgnoringCase("AlphaEvolve").contains("2.635983077").contains("2.635862756");
            // a problem with a verified construction gets a thumbnail of its best
            browser.await("var i = document.querySelector('#problems img.thumb[src*=\"/circle_packing_26/\"]'); return i != null && i.complete && i.naturalWidth > 0",
                    Duration.ofSeconds(30), "the thumbnail of circle_packing_26's best construction");
            browser.screenshot(Path.of("target/screenshots/problems.png"));

            browser.open(base + "#/problem/circle_packing_26");
            browser.await("return document.querySelectorAll('#leaderboard tbody tr').length >= 2", Duration.ofSeconds(20), "two leaderboard rows");
            String board = browser.script("return document.querySelector('#leaderboard').innerText").asText();
            assertThat(board).contains("web-test").contains("2.635862756413698").contains("run " + finished);
            // one precision for every score on the page: the exact value the API sent, digit for digit
            assertThat(numbers(board)).contains(submitted);
            double bestKnown = TestRuns.authed().get("/api/leaderboards/circle_packing_26").then().extract().jsonPath(TestRuns.DOUBLES).getDouble("bestKnown.value");
            assertThat(numbers(browser.script("return document.querySelector('.card .stats').innerText").asText())).contains(bestKnown);
            browser.await("return [...document.querySelectorAll('#leaderboard img.thumb')].filter(i => i.complete && i.naturalWidth > 0).length >= 2",
                    Duration.ofSeconds(30), "a drawing beside each entry's JSON link");
            browser.screenshot(Path.of("target/screenshots/leaderboard.png"));

            // a leaderboard entry: its drawing inline, its shapes in the DOM
            browser.open(base + "#/entry/circle_packing_26/" + webEntry);
            browser.await("return document.querySelectorAll('#construction svg circle.disc').length === 26", Duration.ofSeconds(30), "the 26 circles of the entry");
            assertThat(browser.script("return document.querySelector('#construction svg .problem').textContent").asText()).isEqualTo("circle_packing_26");
            assertThat(browser.script("return document.querySelector('#construction svg .score').textContent").asText()).isEqualTo("score 2.6358627564136983");
            assertThat(browser.script("return document.querySelectorAll('#construction svg line.contact').length").asInt()).isGreaterThan(26);
            assertDrawn(browser);
            browser.elementScreenshot("#construction svg", Path.of("target/screenshots/drawing-circle_packing_26.png"));
            browser.open(base + "#/entry/first_autocorrelation_c1/" + c1Entry);
            browser.await("return document.querySelectorAll('#construction svg polyline.quantity').length === 1", Duration.ofSeconds(30), "the autoconvolution of the C1 entry");
            assertThat(browser.script("return document.querySelectorAll('#construction svg circle.max-marker').length").asInt()).isEqualTo(1);
            assertDrawn(browser);
            browser.elementScreenshot("#construction svg", Path.of("target/screenshots/drawing-first_autocorrelation_c1.png"));

            browser.open(base + "#/run/" + going);
            browser.await("return document.querySelector('#plot') != null", Duration.ofSeconds(20), "the plot");
            int before = browser.script("return +document.querySelector('#plot').getAttribute('data-points')").asInt();
            long watching = System.nanoTime();
            // the run goes on while the page is open: new points arrive through server-sent events
            browser.await("return +document.querySelector('#plot').getAttribute('data-points') >= " + (before + 3), Duration.ofMinutes(2),
                    "three more plot points arriving live");
            // issue 14 §4: the step events alone update the page: no GET of the run per step (at most one per 10 s)
            int points = browser.script("return +document.querySelector('#plot').getAttribute('data-points')").asInt();
            int runGets = browser.script("return performance.getEntriesByType('resource').filter(e => /\\/api\\/runs\\/" + going
                    + "$/.test(e.name)).length").asInt();
            long seconds = (System.nanoTime() - watching) / 1_000_000_000L;
            assertThat(runGets).as("GETs of the run for " + (points - before) + " step events in " + seconds + " s").isLessThanOrEqualTo(1 + 1 + (int) (seconds / 10));
            // round axis ticks, one number of decimals per axis, and the best known bound always drawn
            String ticks = browser.script("return [...document.querySelectorAll('#plot text.tick')].map(t => t.textContent).join(' ')").asText();
            assertThat(ticks.split(" ")).allSatisfy(t -> assertThat(t).matches("-?\\d+(\\.\\d{1,6})?|-?\\d\\.\\d+e[-+]\\d+"));
            assertThat(browser.script("return document.querySelectorAll('#plot line.ref').length").asInt()).as("the best-known line").isEqualTo(1);
            TestRuns.authed().post("/api/runs/" + going + "/stop").then().statusCode(202);
            browser.await("return /STOPPED/.test(document.querySelector('#run-stats').innerText)", Duration.ofMinutes(2), "the run stopped");
            int steps = TestRuns.authed().get("/api/runs/" + going + "/history").then().extract().jsonPath(TestRuns.DOUBLES).getList("step").size();
            browser.await("return +document.querySelector('#plot').getAttribute('data-points') === " + steps, Duration.ofSeconds(10),
                    "one plot point per committed step (" + steps + ")");
            assertThat(browser.script("return document.querySelectorAll('#plot circle').length").asInt()).isEqualTo(steps);
            assertThat(browser.script("return document.querySelector('#plot path.line').getAttribute('d')").asText()).startsWith("M");
            browser.await("return document.querySelector('#best-code') != null", Duration.ofSeconds(20), "the best program's code");
            assertThat(browser.script("return document.querySelector('#best-code').innerText").asText()).contains("solve()");
            // the best construction is drawn on the run page, and follows the run's best program
            long bestProgram = TestRuns.authed().get("/api/runs/" + going).then().extract().jsonPath().getLong("best.programId");
            browser.await("var d = document.querySelector('#construction'); return d != null && d.dataset.program === '" + bestProgram + "'",
                    Duration.ofSeconds(30), "the drawing of the run's best program " + bestProgram);
            assertThat(browser.script("return document.querySelectorAll('#construction svg circle.disc').length").asInt()).isEqualTo(26);
            assertDrawn(browser);
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
        } finally {
            TestRuns.authed().post("/api/runs/" + going + "/stop"); // 409 when it stopped already; a failed check must not leave it running
        }
        assertThat(Files.size(Path.of("target/screenshots/run.png"))).isGreaterThan(10_000);
        assertThat(Files.size(Path.of("target/screenshots/drawing-circle_packing_26.png"))).isGreaterThan(10_000);
    }

    /** The drawing on the page is not blank: many SVG elements, laid out at a real size. */
    private static void assertDrawn(Chromium browser) throws Exception {
        assertThat(browser.script("return document.querySelectorAll('#construction svg *').length").asInt()).isGreaterThan(20);
        assertThat(browser.script("return document.querySelector('#construction svg').getBoundingClientRect().width").asDouble()).isGreaterThan(300);
        assertThat(browser.script("return document.querySelector('#construction svg').getBoundingClientRect().height").asDouble()).isGreaterThan(150);
    }

    /** Every decimal number in a text, as doubles. */
    private static List<Double> numbers(String text) {
        List<Double> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+\\.\\d+(e[-+]?\\d+)?").matcher(text);
        while (m.find()) out.add(Double.parseDouble(m.group()));
        return out;
    }
}
