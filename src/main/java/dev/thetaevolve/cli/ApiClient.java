package dev.thetaevolve.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The REST client of the {@code leaderboard}, {@code submit} and {@code watch} commands: the JDK's
 * HttpURLConnection and Jackson's tree model only (no CDI, no reflection on classes of ours, so it suits a native
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

    ApiClient(URI server) {
        this.server = server;
    }

    URI server() {
        return server;
    }

    Reply get(String path) {
        return read(open(path, "GET", REQUEST, "application/json"));
    }

    /** POSTs a JSON body; {@code token} (may be null) goes in the Authorization header. */
    Reply post(String path, String jsonBody, String token) {
        HttpURLConnection c = open(path, "POST", REQUEST, "application/json");
        c.setRequestProperty("Content-Type", "application/json");
        if (token != null) c.setRequestProperty("Authorization", "Bearer " + token);
        c.setDoOutput(true);
        // buffered, not streaming mode: in streaming mode a 401's body (the server's message) is lost
        try (OutputStream out = connect(c).getOutputStream()) {
            out.write(jsonBody.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failed(c, e);
        }
        return read(c);
    }

    /**
     * Reads the SSE stream at {@code path}, handing each event to {@code onEvent} until it returns false or
     * the server closes the stream.
     *
     * @return null when the stream was read, else the server's refusal (a non-2xx reply)
     */
    Reply events(String path, Predicate<Event> onEvent) {
        HttpURLConnection c = open(path, "GET", Duration.ZERO, "text/event-stream"); // no read limit: a run streams for as long as it runs
        int status = status(c);
        if (status / 100 != 2) return read(c);
        try (InputStream in = c.getInputStream()) {
            SseReader.read(in, onEvent);
            return null;
        } catch (IOException e) {
            throw new UsageError("the event stream from " + server + " broke: " + e.getMessage());
        } finally {
            c.disconnect();
        }
    }

    /*
     * HttpURLConnection rather than java.net.http.HttpClient: building an HttpClient initializes TLS and its
     * selector thread even for http://, about 0.4 s of CPU at every start of a client command (BENCHMARKS §5).
     */
    private HttpURLConnection open(String path, String method, Duration read, String accept) {
        try {
            HttpURLConnection c = (HttpURLConnection) server.resolve(path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout((int) CONNECT.toMillis());
            c.setReadTimeout((int) read.toMillis());
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false); // as before: a redirect is an answer to report, not to follow
            c.setRequestProperty("Accept", accept);
            return c;
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageError("request to " + server.resolve(path) + " failed: " + e.getMessage());
        }
    }

    private HttpURLConnection connect(HttpURLConnection c) {
        try {
            c.connect();
            return c;
        } catch (IOException e) {
            throw failed(c, e);
        }
    }

    private int status(HttpURLConnection c) {
        try {
            return connect(c).getResponseCode();
        } catch (IOException e) {
            throw failed(c, e);
        }
    }

    private Reply read(HttpURLConnection c) {
        int status = status(c);
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failed(c, e);
        } finally {
            c.disconnect();
        }
    }

    private UsageError failed(HttpURLConnection c, IOException e) {
        if (e instanceof ConnectException || (e instanceof SocketTimeoutException && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("connect"))) {
            return new UsageError("cannot reach the server at " + server + " (" + reason(e)
                    + "); start it with `thetaevolve serve` or pass --server URL");
        }
        return new UsageError("request to " + c.getURL() + " failed: " + reason(e));
    }

    private static String reason(IOException e) {
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
