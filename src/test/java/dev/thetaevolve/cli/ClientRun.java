package dev.thetaevolve.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the top command in this JVM, without Quarkus, as {@link Main} would, and keeps its exit code and output. */
record ClientRun(int exit, String out, String err) {

    static ClientRun of(String... args) {
        return with(CommandLine.defaultFactory(), args);
    }

    /** As the packaged jar runs a {@link PlainCommands} command: no Quarkus, the few plain parts injected. */
    static ClientRun plain(String... args) {
        return with(new PlainCommands.Factory(PlainCommands.COMMANDS.get(args[0])), args);
    }

    /** With a factory, so a test can hand in a preconfigured command instance. */
    static ClientRun with(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.command(factory);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new ClientRun(exit, out.toString(), err.toString());
    }

    /** A factory that returns {@code instance} for its class and default instances otherwise. */
    static CommandLine.IFactory returning(Object instance) {
        return new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                return cls.isInstance(instance) ? (K) instance : CommandLine.defaultFactory().create(cls);
            }
        };
    }
}
