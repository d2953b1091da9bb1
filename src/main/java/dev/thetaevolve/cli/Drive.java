package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.evolve.Engine;
import dev.thetaevolve.service.RunService;
import dev.thetaevolve.service.RunSettings;
import dev.thetaevolve.store.RunStatus;
import dev.thetaevolve.store.RunView;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drives a run from the CLI with progress, then says why it stopped and prints the best strict score (and
 * JSON with --json). Exit codes: 0 FINISHED, BUDGET_EXHAUSTED or STOPPED (from another process or the
 * REST API); 1 FAILED (or the lease was lost to another process); 130 stopped by Ctrl-C after the step in
 * flight. A first Ctrl-C lets the step in flight commit and stops cleanly (the run stays resumable); a
 * second one exits at once, losing only that uncommitted step.
 */
final class Drive {
    /** Exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it). */
    static final int INTERRUPTED = 130;

    private Drive() {
    }

    static int drive(RunService runs, RunView run, RunSettings settings, boolean jsonOut, ObjectMapper json, String db) {
        return drive(runs, run, settings, settings, settings.steps(), jsonOut, json, db);
    }

    /**
     * @param settings the run's settings (what is printed)
     * @param budget   this drive's budget; null keeps the run's stored one (a plain resume)
     * @param toGo     steps this drive will take at most, for the progress bar (0: unknown)
     */
    static int drive(RunService runs, RunView run, RunSettings settings, RunSettings budget, int toGo, boolean jsonOut, ObjectMapper json,
                     String db) {
        // with --json, stdout carries only the summary line; progress goes to stderr
        PrintStream progressOut = jsonOut ? System.err : System.out;
        Progress progress = new Progress(progressOut, Progress.onTerminal() && !jsonOut, toGo);
        progressOut.println("run " + run.name() + ": " + run.problem() + ", " + settings.engine().parents() + " parents x "
                + settings.engine().samples() + " samples per step, "
                + (settings.evaluators() == null || settings.evaluators().equals("local") ? settings.workers() + " workers"
                : "evaluators " + dev.thetaevolve.remote.BrokerAddress.parse(settings.evaluators())) + ", mutator " + settings.mutator().word());
        String resume = "resume with: java -jar target/quarkus-app/quarkus-run.jar resume --run " + run.name() + (db == null ? "" : " --db " + db);
        RunService.Control control = new RunService.Control();
        Interrupts interrupts = Interrupts.install(() -> {
            progress.finish();
            System.err.println("stopping after the step in flight (Ctrl-C again to quit now); " + resume);
            control.stop();
        }, () -> {
            System.err.println("interrupted: the step in flight is lost; " + resume);
            System.err.flush();
            Runtime.getRuntime().halt(INTERRUPTED);
        });
        Engine engine;
        try {
            engine = runs.drive(run, budget, progress, null, control);
        } finally {
            interrupts.close();
        }
        progress.finish();
        RunView after = runs.refresh(run.id());
        RunStatus status = after.status();
        String message = status == RunStatus.RUNNING ? "this process lost the run's lease; another process drives it now" : after.message();
        // why it stopped, before the best line (scripts read the best line last)
        progressOut.println("run " + run.name() + " " + status + (message == null || message.isBlank() ? "" : ": " + message)
                + (interrupts.fired() || status == RunStatus.FAILED ? "; " + resume : ""));
        Double best = engine == null ? null : engine.bestScore();
        if (jsonOut) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("score", best);
            b.put("programId", engine == null ? -1 : engine.bestId());
            b.put("valid", best != null);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("run", run.name());
            out.put("steps", engine == null ? after.committedSteps() : engine.committedSteps());
            out.put("programs", engine == null ? after.programs() : engine.programs());
            out.put("seedScore", engine == null ? after.seedScore() : engine.seedScore());
            out.put("best", b);
            out.put("status", status.name());
            out.put("message", message);
            out.put("sampleFailures", engine == null ? 0 : engine.sampleFailures());
            try {
                System.out.println(json.writeValueAsString(out));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        } else if (engine != null && settings.engine().tolerance() == 0) {
            System.out.println("best strict score: " + best + " (program " + engine.bestId() + ", seed " + engine.seedScore()
                    + ", " + engine.committedSteps() + " steps, " + engine.programs() + " programs)");
        } else if (engine != null) {
            // a tolerant run ranks by its tolerant score; the strict figure is that construction shrunk to strict validity
            Double strict = runs.bestStrictScore(run.id(), settings.engine().tolerance());
            System.out.println("best score at tolerance " + settings.engine().tolerance() + ": " + best + " (program " + engine.bestId()
                    + "); best strict score: " + (strict == null ? "none (no strictly valid form)" : strict)
                    + " (" + engine.committedSteps() + " steps, " + engine.programs() + " programs)");
        }
        if (status == RunStatus.FAILED || status == RunStatus.RUNNING) return 1; // RUNNING: the lease went to another process
        return interrupts.fired() ? INTERRUPTED : 0;
    }

    /**
     * Ctrl-C while a run is driven: the first press runs {@code first}, a second one {@code second}. Uses
     * {@code sun.misc.Signal} (module jdk.unsupported, present in every JDK): the JVM's default handler would
     * start the shutdown hooks, which tear the application down under the step in flight.
     */
    static final class Interrupts implements AutoCloseable {
        private final sun.misc.SignalHandler previous;
        private volatile int presses;

        private Interrupts(Runnable first, Runnable second, boolean install) {
            sun.misc.SignalHandler old = null;
            if (install) {
                try {
                    old = sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> {
                        if (presses++ == 0) first.run();
                        else second.run();
                    });
                } catch (IllegalArgumentException unsupported) {
                    old = null; // no SIGINT here (or it is ignored): Ctrl-C keeps its default meaning
                }
            }
            this.previous = old;
        }

        static Interrupts install(Runnable first, Runnable second) {
            return new Interrupts(first, second, true);
        }

        boolean fired() {
            return presses > 0;
        }

        @Override
        public void close() {
            if (previous != null) sun.misc.Signal.handle(new sun.misc.Signal("INT"), previous);
        }
    }
}
