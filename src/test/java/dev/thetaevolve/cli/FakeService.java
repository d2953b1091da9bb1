package dev.thetaevolve.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process stand-in for the thetaevolve service on 127.0.0.1 (a free port): it answers the routes a
 * test sets with canned JSON in the service's shapes, streams canned server-sent events, and records every
 * request it gets.
 */
final class FakeService implements AutoCloseable {
    record Request(String method, String path, String authorization, String accept, String body, String query) {
    }

    private record Answer(int status, String contentType, List<String> chunks) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> routes = new ConcurrentHashMap<>();
    private final HttpServer server;

    FakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} with this status and JSON body. */
    FakeService json(String method, String path, int status, String body) {
        routes.put(method + " " + path, new Answer(status, "application/json", List.of(body)));
        return this;
    }

    /** Answers GET {@code path} with an event stream: each event as it would be written, then the stream closes. */
    FakeService events(String path, String... events) {
        routes.put("GET " + path, new Answer(200, "text/event-stream", List.of(events)));
        return this;
    }

    /** One SSE frame as the service writes it. */
    static String event(String name, String json) {
        return "event: " + name + "\nid: 1\ndata: " + json + "\n\n";
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getRawPath();
        requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Authorization"),
                ex.getRequestHeaders().getFirst("Accept"), body, ex.getRequestURI().getRawQuery()));
        Answer a = routes.get(ex.getRequestMethod() + " " + path);
        if (a == null) a = new Answer(404, "application/json", List.of("{\"error\":\"not_found\",\"message\":\"no route " + path + "\"}"));
        ex.getResponseHeaders().add("Content-Type", a.contentType());
        boolean stream = a.contentType().equals("text/event-stream");
        ex.sendResponseHeaders(a.status(), stream ? 0 : bytes(a).length);
        try (OutputStream out = ex.getResponseBody()) {
            for (String chunk : a.chunks()) {
                out.write(chunk.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    private static byte[] bytes(Answer a) {
        return String.join("", a.chunks()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
