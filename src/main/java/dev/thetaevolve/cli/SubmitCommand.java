package dev.thetaevolve.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code submit}: sends a construction to a problem's leaderboard. The service verifies it (it runs no
 * code) and answers with its rank. Exit 0 when ranked, 2 when the server refuses it (4xx: invalid
 * construction, bad token, unknown problem) or cannot be reached, 1 on a server error.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit a construction (FILE.json holds {\"data\": ...}) to a problem's leaderboard.")
public class SubmitCommand implements Callable<Integer> {
    @Option(names = "--problem", required = true, paramLabel = "ID", description = "The problem id.")
    String problem;
    @Parameters(index = "0", paramLabel = "FILE.json", description = "A JSON object with \"data\" (and optionally \"submitter\").")
    Path file;
    @Option(names = "--token", paramLabel = "T", defaultValue = "${env:THETAEVOLVE_API_TOKEN}",
            description = "The API token (default: THETAEVOLVE_API_TOKEN).")
    String token;
    @Option(names = "--submitter", paramLabel = "NAME",
            description = "Who submits (default: the file's \"submitter\", else the user name).")
    String submitter;
    @Mixin
    ServerOption server;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ObjectNode body = body();
        if (token == null || token.isBlank()) throw new UsageError("no API token: pass --token or set THETAEVOLVE_API_TOKEN");
        ApiClient.Reply reply = server.client().post("api/leaderboards/" + LeaderboardCommand.encode(problem) + "/submissions",
                body.toString(), token.strip());
        PrintWriter out = spec.commandLine().getOut();
        if (!reply.ok()) {
            spec.commandLine().getErr().println("error: " + reply.message());
            return reply.status() / 100 == 4 ? 2 : 1;
        }
        JsonNode r = reply.json();
        JsonNode e = r.path("entry");
        if (r.path("existing").asBoolean()) {
            out.printf("already on the board: rank %s on %s: score %s, entry %s by %s (the same construction; nothing new stored)%n",
                    r.path("rank").asText(), problem, e.path("score").asText(), e.path("id").asText(), LeaderboardCommand.provenance(e));
        } else {
            out.printf("rank %s on %s: score %s, entry %s by %s%n", r.path("rank").asText(), problem, e.path("score").asText(),
                    e.path("id").asText(), LeaderboardCommand.provenance(e));
        }
        out.flush();
        return 0;
    }

    /** The request body: the file's data and the submitter; a missing or malformed file is a usage error. */
    ObjectNode body() {
        JsonNode doc;
        try {
            doc = ApiClient.JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageError("no such file: " + file);
        } catch (JsonProcessingException e) {
            throw new UsageError(file + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsageError("cannot read " + file + ": " + e.getMessage());
        }
        if (doc == null || !doc.isObject() || !doc.has("data")) {
            throw new UsageError(file + " must hold a JSON object with \"data\", e.g. {\"data\": [[0.1, 0.2, 0.05]]}");
        }
        ObjectNode body = ApiClient.JSON.createObjectNode();
        body.set("data", doc.get("data"));
        String who = submitter != null ? submitter : doc.hasNonNull("submitter") ? doc.get("submitter").asText() : System.getProperty("user.name");
        body.put("submitter", who);
        return body;
    }
}
