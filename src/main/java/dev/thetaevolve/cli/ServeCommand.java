package dev.thetaevolve.cli;

import dev.thetaevolve.api.ApiTokens;
import dev.thetaevolve.service.RunManager;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code serve}: the REST API, the web page and the runs started over REST, until the process is stopped.
 * Runs left RUNNING by a previous start (or by a replica that died) are resumed here.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the REST API and the web page; resume runs that were going.")
public class ServeCommand implements Callable<Integer> {
    // both are read by LaunchOptions before Quarkus boots; declared here for --help and parsing
    @Option(names = "--port", description = "HTTP port (default 8080).")
    Integer port;
    @Option(names = "--db", description = "H2 file path or JDBC URL (default ./data/thetaevolve).")
    String db;

    @Inject
    RunManager runs;
    @Inject
    ApiTokens tokens;

    @Override
    public Integer call() {
        if (port != null && (port < 0 || port > 65535)) throw new UsageError("--port must be between 0 and 65535, got " + port);
        try {
            tokens.ensure();
        } catch (ApiTokens.Mismatch e) {
            throw new UsageError("refusing to serve: " + e.getMessage());
        }
        runs.serve();
        int p = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        System.err.println("thetaevolve serving on http://localhost:" + p + "/ (API /api, OpenAPI /q/openapi, health /q/health, metrics /q/metrics)");
        Quarkus.waitForExit();
        return 0;
    }
}
