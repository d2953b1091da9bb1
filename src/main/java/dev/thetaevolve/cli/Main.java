package dev.thetaevolve.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Entry point of the one jar that is both CLI and service. Commands that need neither the store nor the
 * service ({@link PlainCommands}) run on plain Java without booting Quarkus. For the others it reads argv
 * before Quarkus boots: only
 * {@code serve} opens an HTTP port, every other command runs with the HTTP server off so two commands can
 * run at once; {@code --db} becomes the datasource URL of this process.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        if (PlainCommands.handles(args)) System.exit(PlainCommands.run(args)); // client and evaluator commands: no Quarkus boot
        String bad = LaunchOptions.apply(args);
        if (bad != null) {
            System.err.println("error: " + bad);
            System.exit(2);
        }
        if (args.length > 0 && args[0].equals("serve")) {
            String advice = LaunchOptions.h2HolderAdvice(args);
            if (advice != null) System.err.println(advice);
        }
        Quarkus.run(Main.class, (code, failure) -> {
            if (failure != null) {
                // start-up failed: almost always the database (unreadable file, wrong URL, server down)
                System.err.println("error: cannot start: " + rootMessage(failure));
                System.exit(2);
            }
            System.exit(code);
        }, args);
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        String msg = t.getMessage();
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
            if (c.getMessage() != null) msg = c.getMessage();
        }
        return msg == null ? t.toString() : msg.lines().findFirst().orElse(msg);
    }

    @Override
    public int run(String... args) {
        return command(factory).execute(args);
    }

    /** The command line with the error policy: a user mistake prints one line and exits 2, never a trace. */
    public static CommandLine command(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(TopCommand.class, factory);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof dev.thetaevolve.evaluate.EvaluatorUnavailableException) {
                line.getErr().println("error: " + ex.getMessage()); // the broker, not the user: exit 1, and resume later
                return 1;
            }
            if (ex instanceof UsageError || ex instanceof IllegalArgumentException) {
                line.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            line.getErr().println("error: " + ex);
            return 1;
        });
        return cl;
    }
}
