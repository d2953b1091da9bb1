package dev.thetaevolve.cli;

import dev.thetaevolve.api.ApiTokens;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code token --rotate}: makes a new API token the service's, in the database every replica shares. Only
 * its hash is stored. Running replicas accept only the new token within about 10 s; each must be given it
 * (THETAEVOLVE_API_TOKEN) before its next start, or it refuses to start.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Rotate the service's API token (the write endpoints' bearer token) in its database.",
                "Without --from-env a new token is generated and printed once. Running replicas switch to it within about 10 s;",
                "give every replica the new THETAEVOLVE_API_TOKEN before its next start, or it refuses to start."})
public class TokenCommand implements Callable<Integer> {
    @Option(names = "--rotate", required = true, description = "Replace the token (the only action).")
    boolean rotate;
    @Option(names = "--from-env", description = "Make THETAEVOLVE_API_TOKEN (as set for this command) the new token instead of generating one.")
    boolean fromEnv;
    @Option(names = "--db", description = "H2 file path or JDBC URL of the service's database (default ./data/thetaevolve).")
    String db;

    @Inject
    ApiTokens tokens;

    @Override
    public Integer call() {
        String next = null;
        if (fromEnv) {
            next = System.getenv("THETAEVOLVE_API_TOKEN");
            if (next == null || next.isBlank()) throw new UsageError("--from-env needs THETAEVOLVE_API_TOKEN set to the new token");
        }
        String token = tokens.rotate(next);
        if (fromEnv) {
            System.err.println("the service's API token is now the one in THETAEVOLVE_API_TOKEN; running replicas switch within about 10 s");
        } else {
            System.out.println(token);
            System.err.println("the service's API token is now the one above (shown only now); running replicas switch within about 10 s. "
                    + "Give every replica THETAEVOLVE_API_TOKEN=<it> before its next start.");
        }
        return 0;
    }
}
