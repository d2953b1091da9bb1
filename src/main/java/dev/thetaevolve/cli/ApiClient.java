package dev.thetaevolve.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The REST client of the {@code leaderboard}, {@code submit} and {@code watch} commands: the JDK's
 * HttpClient and Jackson's tree model only (no CDI, no reflection on classes of ours, so it suits a native
 * image). A server that cannot be reached is a {@link UsageError} (exit 2) naming the URL. Not thread-safe
 * per request stream; one instance per command run.
 */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration REQUEST = Duration.ofSeconds(60);

    /** An HTTP answer: its status and body as text. */
    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON; a body that is not JSON is the server's fault, reported as such. */
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the server answered " + status + " with a body that is not JSON: " + abbreviate(body));
            }
        }

        /** The server's error message: {@code message} of its {"error","message"} shape, else the raw body. */
        String message() {
            try {
                JsonNode n = JSON.readTree(body);
                if (n != null && n.hasNonNull("message")) return n.get("message").asText();
            } catch (JsonProcessingException e) {
                // not the error shape: fall through to the raw body
            }
            return body.isBlank() ? "HTTP " + status : "HTTP " + status + ": " + abbreviate(body);
        }
    }

    /** One server-sent event. */
    record Event(String name, String data) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("event '" + name + "' carries data that is not JSON: " + abbreviate(data));
            }
        }
    }

    private final URI server;
    private final HttpClient http;

    ApiClient(URI server) {
        this.server = server;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT).build();
    }

    URI server() {
        return server;
    }

    Reply get(String path) {
        return send(request(path).timeout(REQUEST).GET().build());
    }

    /** POSTs a JSON body; {@code token} (may be null) goes in the Authorization header. */
    Reply post(String path, String jsonBody, String token) {
        HttpRequest.Builder b = request(path).timeout(REQUEST).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return send(b.build());
    }

    /**
     * Reads the SSE stream at {@code path}, handing each event to {@code onEvent} until it returns false or
     * the server closes the stream.
     *
     * @return null when the stream was read, else the server's refusal (a non-2xx reply)
     */
    Reply events(String path, Predicate<Event> onEvent) {
        HttpRequest req = request(path).setHeader("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> resp = exchange(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = resp.body()) {
            if (resp.statusCode() / 100 != 2) return new Reply(resp.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            SseReader.read(in, onEvent);
            return null;
        } catch (IOException e) {
            throw new UsageError("the event stream from " + server + " broke: " + e.getMessage());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.resolve(path)).header("Accept", "application/json");
    }

    private Reply send(HttpRequest req) {
        HttpResponse<String> r = exchange(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body());
    }

    private <T> HttpResponse<T> exchange(HttpRequest req, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(req, handler);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new UsageError("cannot reach the server at " + server + " (" + reason(e)
                    + "); start it with `thetaevolve serve` or pass --server URL");
        } catch (IOException e) {
            throw new UsageError("request to " + req.uri() + " failed: " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageError("interrupted while waiting for " + req.uri());
        }
    }

    private static String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) return "connect timed out";
        String m = e.getMessage();
        // the JDK's refused connect is a ConnectException without a message
        if (m == null && e instanceof ConnectException) return "connection refused";
        if (m == null && e.getCause() != null) m = e.getCause().getMessage();
        return m == null ? e.getClass().getSimpleName() : m.toLowerCase(Locale.ROOT);
    }

    static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= 200 ? one : one.substring(0, 200) + "...";
    }

    /** Checks a --server value: an http(s) URL with a host. */
    static URI serverUri(String value) {
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value : value + "/");
        } catch (IllegalArgumentException e) {
            throw new UsageError("--server must be a URL such as http://127.0.0.1:8080, got '" + value + "'");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new UsageError("--server must be an http(s) URL such as http://127.0.0.1:8080, got '" + value + "'");
        }
        return uri;
    }
}
