package dev.thetaevolve.cli;

import picocli.CommandLine.Option;

/** The {@code --server} option of the REST client commands. */
final class ServerOption {
    static final String DEFAULT = "http://127.0.0.1:8080";

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:THETAEVOLVE_SERVER:-" + DEFAULT + "}",
            description = "The thetaevolve service (default: THETAEVOLVE_SERVER or ${DEFAULT-VALUE}).")
    String server;

    /** A client for the chosen server; a malformed URL is a {@link UsageError}. */
    ApiClient client() {
        return new ApiClient(ApiClient.serverUri(server));
    }
}
