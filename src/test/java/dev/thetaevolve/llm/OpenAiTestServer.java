package dev.thetaevolve.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OpenAI-compatible server in process on 127.0.0.1 (random port) that replays scripted replies: any
 * status, any body (truncated JSON, empty choices), a delay. A delayed reply sends its headers at once
 * and then trickles a space every 20 ms (JSON allows leading whitespace), so a client that hangs up is
 * seen as an aborted request. Counts requests started, completed, aborted and in flight (max too), and
 * records each request's path, Authorization header and JSON body.
 */
public final class OpenAiTestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted reply. */
    public record Reply(int status, String body, long delayMillis, boolean trickle, java.util.Map<String, String> headers) {
        public Reply(int status, String body, long delayMillis, boolean trickle) {
            this(status, body, delayMillis, trickle, java.util.Map.of());
        }

        public static Reply ok(String body) {
            return new Reply(200, body, 0, false);
        }

        public static Reply status(int status) {
            return new Reply(status, "{\"error\":{\"message\":\"scripted " + status + "\"}}", 0, false);
        }

        /** The same reply after {@code millis}, trickling whitespace meanwhile (detects hang-ups). */
        public Reply slow(long millis) {
            return new Reply(status, body, millis, true, headers);
        }

        /** The same reply with one more response header (e.g. Retry-After). */
        public Reply header(String name, String value) {
            java.util.Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, delayMillis, trickle, h);
        }

        /** The same reply after a plain sleep (fixed latency for the benchmark). */
        public Reply after(long millis) {
            return new Reply(status, body, millis, false, headers);
        }
    }

    /** A request as received, with its arrival time ({@link System#nanoTime()}). */
    public record Request(String path, String authorization, JsonNode body, long receivedNanos) {
        /** The model the request asked for. */
        public String model() {
            return body.path("model").asText(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "openai-test-server");
        t.setDaemon(true);
        return t;
    });
    private final Function<Request, Reply> script;
    public final AtomicInteger started = new AtomicInteger();
    public final AtomicInteger completed = new AtomicInteger();
    public final AtomicInteger aborted = new AtomicInteger();
    public final AtomicInteger inFlight = new AtomicInteger();
    public final AtomicInteger maxInFlight = new AtomicInteger();
    /** Summed time from a request's arrival to its reply written (completed requests only). */
    public final java.util.concurrent.atomic.AtomicLong handlerNanos = new java.util.concurrent.atomic.AtomicLong();
    public final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

    private OpenAiTestServer(Function<Request, Reply> script) throws IOException {
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/v1/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static OpenAiTestServer start(Function<Request, Reply> script) {
        try {
            return new OpenAiTestServer(script);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test server", e);
        }
    }

    /** Replies from {@code replies} in order, then repeats the last one. */
    public static OpenAiTestServer sequence(Reply... replies) {
        AtomicInteger next = new AtomicInteger();
        return start(r -> replies[Math.min(next.getAndIncrement(), replies.length - 1)]);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        started.incrementAndGet();
        long t0 = System.nanoTime();
        boolean counted = true;
        try {
            JsonNode body;
            try {
                body = JSON.readTree(ex.getRequestBody().readAllBytes());
            } catch (IOException e) {
                body = JSON.createObjectNode();
            }
            Request request = new Request(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization"), body, t0);
            requests.add(request);
            Reply reply = script.apply(request);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            if (reply.delayMillis() > 0 && reply.trickle()) {
                ex.sendResponseHeaders(reply.status(), 0);
                OutputStream out = ex.getResponseBody();
                long end = System.nanoTime() + reply.delayMillis() * 1_000_000;
                while (System.nanoTime() < end) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(20);
                }
                // Leave "in flight" before the last byte goes out: once the client has its reply it may send
                // the next request, which must not find this one still counted.
                counted = false;
                inFlight.decrementAndGet();
                out.write(bytes);
                out.close();
            } else {
                if (reply.delayMillis() > 0) Thread.sleep(reply.delayMillis());
                counted = false;
                inFlight.decrementAndGet();
                ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
            handlerNanos.addAndGet(System.nanoTime() - t0);
            completed.incrementAndGet();
        } catch (IOException e) {
            aborted.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (counted) inFlight.decrementAndGet();
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- realistic bodies ----

    /** A chat completion with one choice per content, usage as given (null = none). */
    public static String chat(List<String> contents, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion").put("model", "test-model");
        ArrayNode choices = root.putArray("choices");
        for (int i = 0; i < contents.size(); i++) {
            ObjectNode c = choices.addObject().put("index", i).put("finish_reason", "stop");
            c.putObject("message").put("role", "assistant").put("content", contents.get(i));
        }
        if (promptTokens >= 0) {
            root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
        }
        return root.toString();
    }

    public static String chat(String content) {
        return chat(List.of(content), 100, 50);
    }

    /** Answers each request with as many choices as its {@code n} asks, each a copy of {@code content}. */
    public static Function<Request, Reply> echoN(String content) {
        return r -> {
            int n = Math.max(1, r.body().path("n").asInt(1));
            return Reply.ok(chat(java.util.Collections.nCopies(n, content), 100, 50 * n));
        };
    }

    /** A long reasoning section (Qwen3 style), then the answer. */
    public static String withReasoning(int lines, String answer) {
        StringBuilder sb = new StringBuilder("<think>\n");
        for (int i = 0; i < lines; i++) {
            sb.append("Step ").append(i).append(": the radii sum could grow if circle ").append(i % 26)
                    .append(" moves toward the corner; check overlaps with its neighbours first.\n");
        }
        return sb.append("</think>\n\n").append(answer).toString();
    }
}
