package dev.thetaevolve.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class BodyLimitTest {

    @TestHTTPResource("/api/leaderboards/circle_packing_26/submissions")
    URI submissions;

    private static byte[] hugeJson() {
        byte[] pad = new byte[3 * 1024 * 1024];
        Arrays.fill(pad, (byte) '1');
        String head = "{\"submitter\":\"x\",\"data\":[";
        byte[] out = new byte[head.length() + pad.length + 2];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, out, 0, head.length());
        System.arraycopy(pad, 0, out, head.length(), pad.length);
        out[out.length - 2] = ']';
        out[out.length - 1] = '}';
        return out;
    }

    @Test
    void hugeBody_withLength_413Json() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(submissions)
                .header("Authorization", "Bearer " + TestRuns.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(hugeJson())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).contains("\"error\":\"too_large\"");
    }

    @Test
    void hugeBody_chunked_413Json() throws Exception {
        byte[] body = hugeJson();
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(submissions)
                .header("Authorization", "Bearer " + TestRuns.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("\"error\":\"too_large\"");
    }

    @Test
    void smallBody_chunked_reachesTheEndpoint() throws Exception {
        byte[] body = "{\"submitter\":\"x\",\"data\":[[0.5,0.5,0.1]]}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(submissions)
                .header("Authorization", "Bearer " + TestRuns.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(), HttpResponse.BodyHandlers.ofString());
        // read and verified: one circle is not 26
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("invalid_construction");
    }
}
