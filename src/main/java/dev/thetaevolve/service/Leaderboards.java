package dev.thetaevolve.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.store.EntryView;
import dev.thetaevolve.store.LeaderboardStore;
import dev.thetaevolve.store.ProgramView;
import dev.thetaevolve.store.RunView;
import dev.thetaevolve.store.StoreService;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Per-problem leaderboards of strictly verified constructions. Every entry is re-verified at tolerance 0
 * by the problem's verifier on the raw numbers before it is stored; no submitted code ever runs.
 */
@ApplicationScoped
public class Leaderboards {

    /** A problem's board, best first, and whether its leader beats the literature's bound. */
    public record Board(ProblemSpec spec, List<EntryView> entries, boolean beatsBestKnown) {
    }

    /** A stored entry, its 1-based rank, and whether the board held this construction already (nothing new stored). */
    public record Ranked(EntryView entry, long rank, boolean existing) {
    }

    @Inject
    ProblemCatalog catalog;
    @Inject
    LeaderboardStore boards;
    @Inject
    StoreService store;
    @Inject
    ObjectMapper json;

    public ProblemSpec spec(String problem) {
        return catalog.spec(problem).orElseThrow(() -> new NotFound("unknown problem '" + problem + "'"));
    }

    public Board board(String problem) {
        ProblemSpec spec = spec(problem);
        List<EntryView> entries = boards.entries(problem, spec.direction());
        boolean beats = !entries.isEmpty() && beatsBestKnown(spec, entries.get(0).score());
        return new Board(spec, entries, beats);
    }

    /** Whether a score strictly beats today's record (bestKnown.value), not AlphaEvolve's value beside it. */
    public static boolean beatsBestKnown(ProblemSpec spec, double score) {
        return spec.direction().better(score, spec.bestKnown().value());
    }

    /**
     * Verifies a construction strictly and ranks it. A construction already on the problem's board (the same
     * normalized numbers, see {@link Constructions}) is not stored again: the answer is the entry there.
     *
     * @param data the construction as decoded JSON (the layout of shared/reference)
     * @throws NotFound            for an unknown problem
     * @throws InvalidConstruction when strict verification fails (the verifier's reason)
     */
    public Ranked submit(String problem, Object data, String submitter) {
        ProblemSpec spec = spec(problem);
        Problem p = catalog.problem(problem);
        Verification v = p.verifyJson(data, 0);
        if (!v.valid()) throw new InvalidConstruction(v.reason());
        LeaderboardStore.Stored s;
        synchronized (this) { // one lookup-then-insert at a time in this process: concurrent twins store once
            s = boards.submit(problem, v.score(), submitter, write(data), Constructions.hash(data));
        }
        return new Ranked(s.entry(), boards.rank(s.entry(), spec.direction()), s.existing());
    }

    /**
     * Offers a run's best program to its problem's board: re-verified strictly from its stored raw output,
     * it becomes (or improves) the run's one entry. A best that is valid only under the run's tolerance
     * makes no entry.
     */
    public void offerRunBest(long runId) {
        RunView run = store.run(runId);
        if (run == null) return;
        ProgramView best = store.best(run);
        if (best == null || best.construction() == null) return;
        Problem p = catalog.problem(run.problem());
        Object data;
        try {
            data = json.readValue(best.construction(), Object.class);
        } catch (JsonProcessingException e) {
            Log.warnf("run %s: best program %d has an unreadable construction: %s", run.name(), best.seq(), e.getOriginalMessage());
            return;
        }
        Verification v;
        try {
            v = p.verifyJson(data, 0);
        } catch (dev.thetaevolve.problem.VerifierCrash e) {
            Log.warnf("run %s: no leaderboard entry: %s", run.name(), e.getMessage()); // its stack trace is logged already
            return;
        }
        if (!v.valid()) return;
        boards.offerRunBest(run.problem(), p.direction(), run.id(), best.id(), v.score(), best.construction(), Constructions.hash(data));
    }

    /** The raw construction of an entry, as JSON text. */
    public String construction(String problem, long entryId) {
        spec(problem);
        EntryView e = boards.entry(entryId);
        if (e == null || !e.problem().equals(problem)) throw new NotFound("no entry " + entryId + " on the leaderboard of " + problem);
        return e.data();
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
