package dev.thetaevolve.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class LeaderboardCommandTest {
    static final String BOARD = """
            {"problem":"circle_packing_26","direction":"maximize","bestKnown":{"value":2.6358627564136983,"source":"AlphaEvolve (2025)"},\
            "beatsBestKnown":false,"entries":[\
            {"id":12,"score":2.635,"submitter":null,"runId":3,"programId":41,"createdAt":"2026-01-05T10:11:12.345Z"},\
            {"id":9,"score":2.61,"submitter":"ada","runId":null,"programId":null,"createdAt":"2026-01-04T08:00:00Z"}]}""";

    FakeService fake;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeService().json("GET", "/api/leaderboards/circle_packing_26", 200, BOARD);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void call_printsATableBestFirst() {
        ClientRun r = ClientRun.of("leaderboard", "--problem", "circle_packing_26", "--server", fake.url());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("circle_packing_26 (maximize)", "best known 2.6358627564136983 (AlphaEvolve (2025))", "not beaten");
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[2]).matches("\\s+1\\s+2\\.635\\s+run 3 / program 41\\s+2026-01-05 10:11:12\\s+12");
        assertThat(lines[3]).matches("\\s+2\\s+2\\.61\\s+ada\\s+2026-01-04 08:00:00\\s+9");
        assertThat(fake.requests).singleElement().satisfies(q -> assertThat(q.method()).isEqualTo("GET"));
    }

    @Test
    void call_jsonPrintsTheBodyAsReceived() {
        ClientRun r = ClientRun.of("leaderboard", "--problem", "circle_packing_26", "--json", "--server", fake.url() + "/");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo(BOARD);
    }

    @Test
    void call_beatenNamesTheLeadersEntryIdNotItsRank() {
        fake.json("GET", "/api/leaderboards/circle_packing_26", 200, BOARD.replace("\"beatsBestKnown\":false", "\"beatsBestKnown\":true"));
        ClientRun r = ClientRun.of("leaderboard", "--problem", "circle_packing_26", "--server", fake.url());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).endsWith("BEATEN by entry 12");
    }

    @Test
    void call_emptyBoardSaysSo() {
        fake.json("GET", "/api/leaderboards/p", 200,
                "{\"problem\":\"p\",\"direction\":\"minimize\",\"bestKnown\":{\"value\":1.5,\"source\":\"x\"},\"beatsBestKnown\":true,\"entries\":[]}");
        ClientRun r = ClientRun.of("leaderboard", "--problem", "p", "--server", fake.url());
        assertThat(r.out()).contains("p (minimize)", "BEATEN", "no entries yet");
    }

    @Test
    void call_unknownProblemPrintsTheServerMessageAndExits2() {
        fake.json("GET", "/api/leaderboards/nope", 404, "{\"error\":\"not_found\",\"message\":\"unknown problem 'nope'\"}");
        ClientRun r = ClientRun.of("leaderboard", "--problem", "nope", "--server", fake.url());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: unknown problem 'nope'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void call_serverDownExits2WithAClearMessage() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ClientRun r = ClientRun.of("leaderboard", "--problem", "p", "--server", "http://127.0.0.1:" + port);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: cannot reach the server at http://127.0.0.1:" + port + "/")
                .contains("thetaevolve serve").doesNotContain("Exception");
    }

    @ParameterizedTest
    @CsvSource({"ftp://host/", "not a url", "localhost:8080"})
    void call_badServerUrlExits2(String url) {
        ClientRun r = ClientRun.of("leaderboard", "--problem", "p", "--server", url);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --server must be").contains("'" + url + "'");
    }

    @Test
    void call_missingProblemIsAUsageError() {
        ClientRun r = ClientRun.of("leaderboard", "--server", fake.url());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--problem");
    }
}
