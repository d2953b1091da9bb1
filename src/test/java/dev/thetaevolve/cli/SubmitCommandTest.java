package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SubmitCommandTest {
    static final String PATH = "/api/leaderboards/circle_packing_26/submissions";

    @TempDir
    Path dir;
    FakeService fake;
    Path file;

    @BeforeEach
    void start() throws IOException {
        fake = new FakeService();
        file = Files.writeString(dir.resolve("c.json"), "{\"data\": [[0.1, 0.2, 0.05], [0.5, 0.5, 0.1]]}");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    ClientRun submit(String... more) {
        String[] base = {"submit", "--problem", "circle_packing_26", file.toString(), "--server", fake.url()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return ClientRun.of(args);
    }

    @Test
    void call_postsDataWithTokenAndPrintsTheRank() throws IOException {
        fake.json("POST", PATH, 201, "{\"entry\":{\"id\":17,\"score\":2.61,\"submitter\":\"ada\",\"runId\":null,\"programId\":null,"
                + "\"createdAt\":\"2026-01-05T10:00:00Z\"},\"rank\":2}");
        ClientRun r = submit("--token", "s3cret", "--submitter", "ada");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("rank 2 on circle_packing_26: score 2.61, entry 17 by ada");
        FakeService.Request q = fake.requests.get(0);
        assertThat(q.method()).isEqualTo("POST");
        assertThat(q.authorization()).isEqualTo("Bearer s3cret");
        JsonNode body = ApiClient.JSON.readTree(q.body());
        assertThat(body.get("submitter").asText()).isEqualTo("ada");
        assertThat(body.get("data")).isEqualTo(ApiClient.JSON.readTree("[[0.1, 0.2, 0.05], [0.5, 0.5, 0.1]]"));
    }

    @Test
    void call_submitterDefaultsToTheFilesThenTheUser() throws IOException {
        fake.json("POST", PATH, 201, "{\"entry\":{\"id\":1,\"score\":1.0,\"submitter\":\"x\"},\"rank\":1}");
        Files.writeString(file, "{\"data\": [1, 2], \"submitter\": \"grace\"}");
        assertThat(submit("--token", "t").exit()).isZero();
        Files.writeString(file, "{\"data\": [1, 2]}");
        assertThat(submit("--token", "t").exit()).isZero();
        assertThat(ApiClient.JSON.readTree(fake.requests.get(0).body()).get("submitter").asText()).isEqualTo("grace");
        assertThat(ApiClient.JSON.readTree(fake.requests.get(1).body()).get("submitter").asText()).isEqualTo(System.getProperty("user.name"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "422|{\"error\":\"invalid_construction\",\"message\":\"circle 3 leaves the unit square\"}|2|error: circle 3 leaves the unit square",
            "401|{\"error\":\"unauthorized\",\"message\":\"missing or wrong bearer token\"}|2|error: missing or wrong bearer token",
            "404|{\"error\":\"not_found\",\"message\":\"unknown problem\"}|2|error: unknown problem",
            "500|oops|1|error: HTTP 500: oops"})
    void call_refusalPrintsTheServerMessage(int status, String body, int exit, String err) {
        fake.json("POST", PATH, status, body);
        ClientRun r = submit("--token", "t");
        assertThat(r.exit()).isEqualTo(exit);
        assertThat(r.err().strip()).isEqualTo(err);
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[1, 2]|must hold a JSON object with \"data\"",
            "{\"score\": 3}|must hold a JSON object with \"data\"",
            "{not json|is not JSON"})
    void call_badFileIsAUsageErrorAndSendsNothing(String content, String message) throws IOException {
        Files.writeString(file, content);
        ClientRun r = submit("--token", "t");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + file).contains(message);
        assertThat(fake.requests).isEmpty();
    }

    @Test
    void call_missingFileIsAUsageError() {
        ClientRun r = ClientRun.of("submit", "--problem", "p", dir.resolve("nope.json").toString(), "--token", "t", "--server", fake.url());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: no such file: " + dir.resolve("nope.json"));
    }

    @Test
    void call_withoutTokenIsAUsageError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("THETAEVOLVE_API_TOKEN") == null, "THETAEVOLVE_API_TOKEN is set");
        ClientRun r = submit();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: no API token: pass --token or set THETAEVOLVE_API_TOKEN");
        assertThat(fake.requests).isEmpty();
    }
}
