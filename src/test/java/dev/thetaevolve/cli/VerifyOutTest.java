package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thetaevolve.api.TestRuns;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 §4: {@code verify --out} writes the strictly valid (shrunk) construction in the submission
 * format, and {@code submit} gets it onto the leaderboard of the running service; a second submission of
 * the same construction answers with the entry already there.
 */
@QuarkusTest
class VerifyOutTest {

    @TestHTTPResource("/")
    URI server;
    @TempDir
    Path dir;

    /** The AlphaEvolve packing with circle 16 grown by 1e-8: it overlaps circle 22 by ~3e-9, so it is valid only under a tolerance. */
    private Path tolerantOnly() throws Exception {
        JsonNode data;
        try (InputStream in = VerifyOutTest.class.getResourceAsStream("/constructions/circle_packing_26.json")) {
            data = ApiClient.JSON.readTree(in);
        }
        ArrayNode row = (ArrayNode) data.get(16);
        row.set(2, DoubleNode.valueOf(row.get(2).asDouble() + 1e-8));
        ObjectNode doc = ApiClient.JSON.createObjectNode();
        doc.set("data", data);
        return Files.writeString(dir.resolve("tolerant.json"), doc.toString());
    }

    @Test
    void verifyOut_writesTheShrunkPacking_thatSubmitGetsOnTheBoard() throws Exception {
        Path in = tolerantOnly();
        Path out = dir.resolve("strict.json");

        ClientRun strict = ClientRun.plain("verify", "--problem", "circle_packing_26", in.toString(), "--out", out.toString());
        assertThat(strict.exit()).as("strictly it overlaps, so there is nothing to write").isEqualTo(1);
        assertThat(strict.err()).contains("nothing written").contains("overlap");
        assertThat(out).doesNotExist();

        ClientRun v = ClientRun.plain("verify", "--problem", "circle_packing_26", "--tolerance", "1e-6", "--json", in.toString(), "--out", out.toString());
        assertThat(v.exit()).as(v.err()).isZero();
        double strictScore = ApiClient.JSON.readTree(v.out().strip()).path("strictScore").asDouble();
        assertThat(strictScore).isGreaterThan(2.63).isLessThan(2.6358627564136983);

        // what was written is strictly valid on its own, and scores what verify reported
        ClientRun again = ClientRun.plain("verify", "--problem", "circle_packing_26", "--json", out.toString());
        JsonNode recheck = ApiClient.JSON.readTree(again.out().strip());
        assertThat(recheck.path("valid").asBoolean()).as(again.out()).isTrue();
        assertThat(recheck.path("score").asDouble()).isEqualTo(strictScore);

        String[] submit = {"submit", "--problem", "circle_packing_26", out.toString(), "--server", server.toString(), "--token", TestRuns.TOKEN,
                "--submitter", "verify-out"};
        ClientRun first = ClientRun.of(submit);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("score " + strictScore).contains("by verify-out");
        String entry = first.out().replaceAll("(?s).*entry (\\d+).*", "$1");

        // the same construction again: the entry already there, not a copy
        ClientRun second = ClientRun.of(submit);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("already on the board").contains("entry " + entry);
    }
}
