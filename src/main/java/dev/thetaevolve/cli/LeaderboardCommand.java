package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code leaderboard}: a problem's leaderboard from a running service, as a table or as received. */
@Command(name = "leaderboard", mixinStandardHelpOptions = true,
        description = "Show a problem's leaderboard from a thetaevolve service (no database needed).")
public class LeaderboardCommand implements Callable<Integer> {
    @Option(names = "--problem", required = true, paramLabel = "ID", description = "The problem id.")
    String problem;
    @Option(names = "--json", description = "Print the server's JSON as received.")
    boolean jsonOut;
    @Mixin
    ServerOption server;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ApiClient api = server.client();
        ApiClient.Reply reply = api.get("api/leaderboards/" + encode(problem));
        if (!reply.ok()) {
            spec.commandLine().getErr().println("error: " + reply.message());
            return 2;
        }
        if (jsonOut) {
            out.println(reply.body());
        } else {
            print(reply.json(), out);
        }
        out.flush();
        return 0;
    }

    static void print(JsonNode board, PrintWriter out) {
        JsonNode known = board.path("bestKnown");
        out.printf("%s (%s)   best known %s (%s)   %s%n", board.path("problem").asText(), board.path("direction").asText(),
                known.path("value").asText("-"), known.path("source").asText("-"),
                beaten(board));
        JsonNode entries = board.path("entries");
        if (entries.isEmpty()) {
            out.println("no entries yet");
            return;
        }
        out.printf("%4s  %-22s  %-30s  %-20s  %s%n", "rank", "score", "from", "date", "entry");
        int rank = 1;
        for (JsonNode e : entries) {
            out.printf("%4d  %-22s  %-30s  %-20s  %s%n", rank++, e.path("score").asText(), provenance(e),
                    date(e.path("createdAt").asText("")), e.path("id").asText());
        }
    }

    /** "BEATEN by entry 12" naming the leader's entry id (the last column), not its rank; or "not beaten". */
    static String beaten(JsonNode board) {
        if (!board.path("beatsBestKnown").asBoolean()) return "not beaten";
        JsonNode leader = board.path("entries").path(0);
        return leader.hasNonNull("id") ? "BEATEN by entry " + leader.get("id").asText() : "BEATEN";
    }

    /** "run 3 / program 41" for an evolved entry, the submitter's name for a submission. */
    static String provenance(JsonNode e) {
        if (e.hasNonNull("runId")) {
            return "run " + e.get("runId").asText() + (e.hasNonNull("programId") ? " / program " + e.get("programId").asText() : "");
        }
        return e.hasNonNull("submitter") ? e.get("submitter").asText() : "-";
    }

    /** An ISO instant shortened to the second, without the 'T': 2026-01-05 10:11:12. */
    static String date(String iso) {
        String s = iso.replace('T', ' ');
        int dot = s.indexOf('.');
        if (dot > 0) s = s.substring(0, dot);
        return s.endsWith("Z") ? s.substring(0, s.length() - 1) : s;
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
