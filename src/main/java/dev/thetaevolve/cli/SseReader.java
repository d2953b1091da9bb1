package dev.thetaevolve.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** Parses a text/event-stream (the WHATWG server-sent events format) into {@link ApiClient.Event}s. */
final class SseReader {
    private SseReader() {
    }

    /**
     * Reads events until {@code onEvent} returns false or the stream ends. Comments and {@code id}/{@code retry}
     * fields are skipped; several {@code data} lines join with newlines; an event without {@code event} is
     * named "message".
     */
    static void read(InputStream in, Predicate<ApiClient.Event> onEvent) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = null;
        StringBuilder data = null;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isEmpty()) {
                if (data != null && !onEvent.test(new ApiClient.Event(name == null ? "message" : name, data.toString()))) return;
                name = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) continue;
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) value = value.substring(1);
            if (field.equals("event")) {
                name = value;
            } else if (field.equals("data")) {
                if (data == null) data = new StringBuilder(value);
                else data.append('\n').append(value);
            }
        }
    }
}
