package dev.thetaevolve.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import static dev.thetaevolve.cli.FakeService.event;
import static org.assertj.core.api.Assertions.assertThat;

class WatchCommandTest {
    static final String RUNNING = "{\"id\":7,\"name\":\"cp-a\",\"problem\":\"circle_packing_26\",\"mutator\":\"builtin\",\"status\":\"RUNNING\","
            + "\"step\":2,\"evaluations\":40,\"programs\":41,\"best\":{\"score\":2.5,\"programId\":30},\"seedScore\":2.1,"
            + "\"rates\":{\"validPercent\":80.0,\"evaluationsPerSecond\":12.5},\"message\":null}";
    static final String[] STREAM = {
            event("step", "{\"step\":3,\"evaluations\":60,\"best\":2.5,\"children\":20,\"valid\":15,\"millis\":900}"),
            ": keep-alive\n\n",
            event("step", "{\"step\":4,\"evaluations\":80,\"best\":2.6,\"children\":20,\"valid\":17,\"millis\":950}"),
            event("best", "{\"score\":2.6,\"programId\":77}"),
            event("finished", "{\"step\":4}")};

    FakeService fake;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeService().json("GET", "/api/runs/7", 200, RUNNING)
                .json("GET", "/api/runs", 200, "[{\"id\":7,\"name\":\"cp-a\",\"status\":\"RUNNING\"},{\"id\":8,\"name\":\"twin\"},{\"id\":9,\"name\":\"twin\"}]")
                .events("/api/runs/7/events", STREAM);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** A watch with a clock that advances one second per reading. */
    ClientRun watch(boolean terminal, String run) {
        WatchCommand w = new WatchCommand();
        w.terminal = terminal;
        AtomicLong t = new AtomicLong();
        w.nanos = () -> t.getAndAdd(1_000_000_000L);
        return ClientRun.with(ClientRun.returning(w), "watch", run, "--server", fake.url());
    }

    @Test
    void call_plainPrintsOneLinePerStepUntilFinished() {
        ClientRun r = watch(false, "7");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().split("\n")).containsExactly(
                "run 7 'cp-a' on circle_packing_26 (mutator builtin): running at step 2, 40 evaluations, best 2.5",
                "step 3 | evals 60 | best 2.5 | valid 75.0% | - eval/s",
                "step 4 | evals 80 | best 2.6 | valid 80.0% | 20.0 eval/s",
                "new best 2.6 (program 77)",
                "finished at step 4: 80 evaluations, best 2.6");
        assertThat(fake.requests).extracting(FakeService.Request::path).containsExactly("/api/runs/7", "/api/runs/7/events");
        assertThat(fake.requests.get(1).accept()).isEqualTo("text/event-stream");
        assertThat(fake.requests.get(1).query()).as("no step between the header and the stream is lost").isEqualTo("after=2");
    }

    @Test
    void call_endEventCarriesTheLastStep() {
        fake.events("/api/runs/7/events", event("finished", "{\"step\":5,\"evaluations\":100,\"best\":2.7}"));
        ClientRun r = watch(false, "7");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).endsWith("finished at step 5: 100 evaluations, best 2.7\n");
    }

    @Test
    void call_terminalRedrawsABar() {
        fake.json("GET", "/api/runs/7", 200, RUNNING.replace("\"step\":2,", "\"step\":2,\"steps\":8,"));
        ClientRun r = watch(true, "7");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\r[#########...............] step 3/8 | evals 60")
                .contains("\r[############............] step 4/8 | evals 80")
                .contains("   \nnew best 2.6 (program 77)\nfinished at step 4");
    }

    @Test
    void call_resolvesARunByName() {
        ClientRun r = watch(false, "cp-a");
        assertThat(r.exit()).isZero();
        assertThat(fake.requests).extracting(FakeService.Request::path).containsExactly("/api/runs", "/api/runs/7", "/api/runs/7/events");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nobody|error: no run with id or name 'nobody' on http://127.0.0.1:",
            "42|error: no run with id or name '42' on http://127.0.0.1:",
            "twin|error: several runs are named 'twin' (ids 8, 9): pass an id"})
    void call_unknownOrAmbiguousRunExits2(String run, String err) {
        ClientRun r = watch(false, run);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith(err);
    }

    @Test
    void call_failedRunExits1WithItsMessage() {
        fake.events("/api/runs/7/events", event("step", "{\"step\":3,\"evaluations\":60,\"best\":null,\"children\":20,\"valid\":0,\"millis\":9}"),
                event("failed", "{\"message\":\"evaluator crashed\",\"step\":3}"));
        ClientRun r = watch(false, "7");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).endsWith("step 3 | evals 60 | best 2.5 | valid 0.0% | - eval/s\nfailed at step 3: 60 evaluations, best 2.5 (evaluator crashed)\n");
    }

    @Test
    void call_endedRunPrintsItsEndWithoutStreaming() {
        fake.json("GET", "/api/runs/7", 200, RUNNING.replace("RUNNING", "STOPPED"));
        ClientRun r = watch(false, "7");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).endsWith("stopped at step 2: 40 evaluations, best 2.5\n");
        assertThat(fake.requests).extracting(FakeService.Request::path).containsExactly("/api/runs/7");
    }

    @Test
    void call_streamClosedEarlyAsksForTheRunAgain() {
        fake.events("/api/runs/7/events", STREAM[0]);
        ClientRun r = watch(false, "7");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: the event stream closed while run 7 is running; watch it again");
        assertThat(fake.requests).extracting(FakeService.Request::path).containsExactly("/api/runs/7", "/api/runs/7/events", "/api/runs/7");
    }

    @Test
    void call_refusedStreamPrintsTheServerMessage() {
        fake.json("GET", "/api/runs/7/events", 503, "{\"error\":\"unavailable\",\"message\":\"shutting down\"}");
        ClientRun r = watch(false, "7");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: shutting down");
    }
}
