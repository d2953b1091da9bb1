package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.evolve.Engine;
import dev.thetaevolve.service.RunService;
import dev.thetaevolve.service.RunSettings;
import dev.thetaevolve.store.RunEntity;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Drives a run from the CLI with progress, then prints the best strict score (and JSON with --json). */
final class Drive {
    private Drive() {
    }

    static int drive(RunService runs, RunEntity run, RunSettings settings, boolean jsonOut, ObjectMapper json) {
        // with --json, stdout carries only the summary line; progress goes to stderr
        PrintStream progressOut = jsonOut ? System.err : System.out;
        Progress progress = new Progress(progressOut, Progress.onTerminal() && !jsonOut, settings.steps());
        progressOut.println("run " + run.name + ": " + run.problem + ", " + settings.engine().parents() + " parents x "
                + settings.engine().samples() + " samples per step, " + settings.workers() + " workers, mutator " + settings.mutator());
        Engine engine = runs.drive(run, settings, progress, null);
        progress.finish();
        Double best = engine.bestScore();
        if (jsonOut) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("score", best);
            b.put("programId", engine.bestId());
            b.put("valid", best != null);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("run", run.name);
            out.put("steps", engine.committedSteps());
            out.put("programs", engine.programs());
            out.put("seedScore", engine.seedScore());
            out.put("best", b);
            try {
                System.out.println(json.writeValueAsString(out));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        } else if (settings.engine().tolerance() == 0) {
            System.out.println("best strict score: " + best + " (program " + engine.bestId() + ", seed " + engine.seedScore()
                    + ", " + engine.committedSteps() + " steps, " + engine.programs() + " programs)");
        } else {
            // a tolerant run ranks by its tolerant score; the strict figure is that construction shrunk to strict validity
            Double strict = runs.bestStrictScore(run.id, settings.engine().tolerance());
            System.out.println("best score at tolerance " + settings.engine().tolerance() + ": " + best + " (program " + engine.bestId()
                    + "); best strict score: " + (strict == null ? "none (no strictly valid form)" : strict)
                    + " (" + engine.committedSteps() + " steps, " + engine.programs() + " programs)");
        }
        return 0;
    }
}
