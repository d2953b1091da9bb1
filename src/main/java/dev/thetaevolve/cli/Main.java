package dev.thetaevolve.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Entry point of the one jar that is both CLI and service. It reads argv before Quarkus boots: only
 * {@code serve} opens an HTTP port, every other command runs with the HTTP server off so two commands can
 * run at once; {@code --db} becomes the datasource URL of this process.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        LaunchOptions.apply(args);
        Quarkus.run(Main.class, args);
    }

    @Override
    public int run(String... args) {
        return new CommandLine(TopCommand.class, factory).execute(args);
    }
}
