package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code serve} processes of the packaged jar on one database (an H2 file in server mode, or the
 * suite's PostgreSQL): a run is driven by exactly one of them, is adopted by the other when its holder
 * dies, and resumes after a restart; no step is lost or committed twice.
 */
class ServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The suite's token (as in %test): a service has one token, stored in its database, and the PostgreSQL suite shares one database. */
    private static final String TOKEN = "test-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Server(Process process, int port, Path log) {
        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Server serve(String db, String name) throws Exception {
        int port = freePort();
        Path log = Files.createDirectories(Path.of("target/it-logs")).resolve(name + "-" + port + ".log");
        ProcessBuilder b = Cli.builder(List.of("serve", "--port", Integer.toString(port), "--db", db))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("THETAEVOLVE_API_TOKEN", TOKEN);
        b.environment().put("THETAEVOLVE_LEASE_TTL", "3s"); // adopt a dead replica's runs within seconds
        Server s = new Server(b.start(), port, log);
        try {
            await(name + " healthy").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!s.process.isAlive()) throw new AssertionError(name + " exited at start-up: " + Files.readString(log));
                try {
                    return HTTP.send(HttpRequest.newBuilder(s.uri("/q/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                } catch (java.io.IOException e) {
                    return false; // not listening yet
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(name + " did not become healthy: " + Files.readString(log), e);
        }
        return s;
    }

    private static HttpResponse<String> post(Server s, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(s.uri(path)).header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(Server s, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(s.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode awaitRun(Server s, long id, String what, java.util.function.Predicate<JsonNode> ok) throws Exception {
        JsonNode[] r = {null};
        try {
            await("run " + id + " " + what).atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() -> {
                r[0] = get(s, "/api/runs/" + id);
                if (ok.test(r[0])) return true;
                assertThat(r[0].get("status").asText()).as("run failed: " + r[0].get("message")).isNotEqualTo("FAILED");
                return false;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("run " + id + " never reached " + what + "; last: " + r[0], e);
        }
        return r[0];
    }

    private static void kill(Server s) throws InterruptedException {
        s.process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        s.process.destroyForcibly(); // SIGKILL: no shutdown hook, the lease is left behind
        assertThat(s.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static void stopGracefully(Server s) throws InterruptedException {
        s.process.destroy(); // SIGTERM: the drive detaches after its step and releases the lease
        if (!s.process.waitFor(60, TimeUnit.SECONDS)) kill(s);
    }

    @Test
    void twoReplicas_oneDriverAtATime_adoptionAndRestartResume() throws Exception {
        String db = Cli.freshDb("serve");
        Server a = serve(db, "a");
        Server b = serve(db, "b");
        Server a2 = null;
        String name;
        long programs;
        try {
            HttpResponse<String> created = post(b, "/api/runs",
                    "{\"problem\":\"circle_packing_26\",\"mode\":\"construct\",\"steps\":40,\"parents\":2,\"samples\":2,\"workers\":1,\"seed\":4,\"name\":\"replicas-" + System.nanoTime() + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode run = JSON.readTree(created.body());
            long id = run.get("id").asLong();
            name = run.get("name").asText();

            // A sees the run through the shared database but may not drive it while B holds the lease
            awaitRun(a, id, "step 2", r -> r.get("step").asInt() >= 2);
            HttpResponse<String> steal = post(a, "/api/runs/" + id + "/resume", "{\"steps\":5}");
            assertThat(steal.statusCode()).as(steal.body()).isEqualTo(409);
            assertThat(steal.body()).contains("another process");

            // B dies without a word: A adopts the run once B's lease expires, and carries on from B's last committed step
            kill(b);
            int atKill = get(a, "/api/runs/" + id).get("step").asInt();
            awaitRun(a, id, "progress under A", r -> r.get("step").asInt() >= atKill + 3);
            assertThat(Files.readString(a.log())).contains("resumed run " + name);

            // A is stopped politely mid-run; a new start on the same database resumes it and finishes the budget
            stopGracefully(a);
            a = null;
            a2 = serve(db, "a2");
            JsonNode done = awaitRun(a2, id, "FINISHED", r -> r.get("status").asText().equals("FINISHED"));
            assertThat(done.get("step").asInt()).isEqualTo(40);
            programs = done.get("programs").asLong();
            assertThat(programs).isBetween(1 + 40L, 1 + 40 * 4L); // a sample the mutator cannot make leaves no child
            JsonNode history = get(a2, "/api/runs/" + id + "/history");
            assertThat(history.size()).as("one step row per step, none twice").isEqualTo(41);
        } finally {
            // politely: H2 writes committed data to its file up to a second late, and SIGKILL would drop that
            for (Server s : new Server[]{a, b, a2}) if (s != null && s.process.isAlive()) stopGracefully(s);
        }
        Cli.Result counts = Cli.run("programs", "--run", name, "--db", db, "--json");
        assertThat(counts.exit()).as(counts.err()).isZero();
        JsonNode c = JSON.readTree(counts.lastLine());
        assertThat(c.get("programs").asLong()).isEqualTo(programs);
        assertThat(c.get("distinctIds").asLong()).as("no program id committed twice").isEqualTo(programs);
        assertThat(c.get("committedSteps").asInt()).isEqualTo(40);
    }

    @Test
    void clientCommands_againstTheRealService() throws Exception {
        Server s = serve(Cli.freshDb("clients"), "clients");
        try {
            String url = "http://127.0.0.1:" + s.port();
            // A construction of this run alone: identical ones are stored once per board, and the PostgreSQL
            // suite shares one database, where the plain reference may already stand.
            Path ref = uniqueShrink(EvaluateCommandIT.reference("circle_packing_26"));
            Cli.Result submitted = Cli.run("submit", "--problem", "circle_packing_26", ref.toString(), "--server", url,
                    "--token", TOKEN, "--submitter", "it-reference");
            assertThat(submitted.exit()).as(submitted.err()).isZero();
            assertThat(submitted.out()).contains("2.63586").contains("it-reference");

            Cli.Result wrongToken = Cli.run("submit", "--problem", "circle_packing_26", ref.toString(), "--server", url, "--token", "nope");
            assertThat(wrongToken.exit()).isEqualTo(2);

            Cli.Result board = Cli.run("leaderboard", "--problem", "circle_packing_26", "--server", url, "--json");
            assertThat(board.exit()).as(board.err()).isZero();
            JsonNode b = JSON.readTree(board.lastLine());
            assertThat(b.get("entries").findValuesAsText("submitter")).contains("it-reference");

            HttpResponse<String> created = post(s, "/api/runs",
                    "{\"problem\":\"circle_packing_26\",\"mode\":\"construct\",\"steps\":3,\"parents\":2,\"samples\":2,\"workers\":1,\"name\":\"watched-" + System.nanoTime() + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String name = JSON.readTree(created.body()).get("name").asText();
            Cli.Result watched = Cli.run("watch", name, "--server", url);
            assertThat(watched.exit()).as(watched.err()).isZero();
            assertThat(watched.out()).contains("step 3");
        } finally {
            stopGracefully(s);
        }
    }

    /** The reference packing with every radius shrunk by a factor of this call's own: strictly valid, and new. */
    private static Path uniqueShrink(Path reference) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(reference.toFile());
        double factor = 1 - (1 + Math.floorMod(System.nanoTime(), 1000)) * 1e-12;
        for (JsonNode circle : json.get("data")) {
            com.fasterxml.jackson.databind.node.ArrayNode c = (com.fasterxml.jackson.databind.node.ArrayNode) circle;
            c.set(2, c.numberNode(c.get(2).asDouble() * factor));
        }
        Path out = Files.createTempFile(Path.of("target"), "serve-it-", ".json");
        Files.writeString(out, JSON.writeValueAsString(json));
        return out;
    }
}
