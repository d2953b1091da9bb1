package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * {@code watch}: follows a run on a service through its event stream until it stops, finishes or fails.
 * Exit 0 when it stopped or finished, 1 when it failed or the stream ended early, 2 for an unknown run or
 * an unreachable server.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow a run's progress live on a thetaevolve service (no database needed).")
public class WatchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id or name.")
    String run;
    @Mixin
    ServerOption server;
    @Spec
    CommandSpec spec;

    /** Whether to draw a redrawn bar; null: when stdout is a terminal. Tests set it. */
    Boolean terminal;
    LongSupplier nanos = System::nanoTime;

    @Override
    public Integer call() {
        ApiClient api = server.client();
        JsonNode r = resolve(api, run);
        long id = r.path("id").asLong();
        boolean tty = terminal != null ? terminal : Progress.onTerminal();
        WatchView view = new WatchView(spec.commandLine().getOut(), tty, r.path("steps").asInt(0), nanos);
        view.header(r);
        String ended = ended(r);
        if (ended != null) return end(view, ended, r.path("message").asText(null));

        String[] end = {null, null};
        // from the step the header showed: a step committed between that read and the subscription still comes
        ApiClient.Reply refused = api.events("api/runs/" + id + "/events?after=" + r.path("step").asInt(0), e -> {
            switch (e.name()) {
                case "step" -> view.step(e.json());
                case "best" -> view.best(e.json());
                case "stopped", "finished", "failed" -> {
                    end[0] = e.name();
                    end[1] = e.json().path("message").asText(null);
                    view.endedAt(e.json());
                    return false;
                }
                default -> {
                    // other events (keep-alives, future kinds) do not change what we show
                }
            }
            return true;
        });
        if (refused != null) {
            spec.commandLine().getErr().println("error: " + refused.message());
            return refused.status() / 100 == 4 ? 2 : 1;
        }
        if (end[0] == null) {
            // the stream closed without an end event: the service restarted or a proxy cut it; ask once more
            JsonNode now = fetch(api, id);
            end[0] = ended(now);
            end[1] = now.path("message").asText(null);
            if (end[0] == null) {
                spec.commandLine().getErr().println("error: the event stream closed while run " + id + " is "
                        + now.path("status").asText().toLowerCase(Locale.ROOT) + "; watch it again");
                return 1;
            }
        }
        return end(view, end[0], end[1]);
    }

    private static int end(WatchView view, String how, String message) {
        view.end(how, message);
        return how.equals("failed") ? 1 : 0;
    }

    /** "stopped", "finished" or "failed" for a run that has ended, else null. */
    static String ended(JsonNode run) {
        String s = run.path("status").asText().toLowerCase(Locale.ROOT);
        return s.equals("stopped") || s.equals("finished") || s.equals("failed") ? s : null;
    }

    /** The run with this id, or else the one run with this name. */
    static JsonNode resolve(ApiClient api, String idOrName) {
        if (idOrName.matches("\\d{1,18}")) {
            ApiClient.Reply r = api.get("api/runs/" + idOrName);
            if (r.ok()) return r.json();
            if (r.status() != 404) throw new UsageError(r.message());
        }
        ApiClient.Reply list = api.get("api/runs");
        if (!list.ok()) throw new UsageError(list.message());
        List<String> ids = new ArrayList<>();
        for (JsonNode run : list.json()) {
            if (run.path("name").asText().equals(idOrName)) ids.add(run.path("id").asText());
        }
        if (ids.isEmpty()) throw new UsageError("no run with id or name '" + idOrName + "' on " + api.server());
        if (ids.size() > 1) throw new UsageError("several runs are named '" + idOrName + "' (ids " + String.join(", ", ids) + "): pass an id");
        return fetch(api, Long.parseLong(ids.get(0)));
    }

    private static JsonNode fetch(ApiClient api, long id) {
        ApiClient.Reply r = api.get("api/runs/" + id);
        if (!r.ok()) throw new UsageError(r.message());
        return r.json();
    }
}
