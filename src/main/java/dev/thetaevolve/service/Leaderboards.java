package dev.thetaevolve.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.store.LeaderboardEntryEntity;
import dev.thetaevolve.store.LeaderboardStore;
import dev.thetaevolve.store.ProgramEntity;
import dev.thetaevolve.store.RunEntity;
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
    public record Board(ProblemSpec spec, List<LeaderboardEntryEntity> entries, boolean beatsBestKnown) {
    }

    /** A stored entry and its 1-based rank. */
    public record Ranked(LeaderboardEntryEntity entry, long rank) {
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
        List<LeaderboardEntryEntity> entries = boards.entries(problem, spec.direction());
        boolean beats = !entries.isEmpty() && spec.direction().better(entries.get(0).score, spec.bestKnown().value());
        return new Board(spec, entries, beats);
    }

    /**
     * Verifies a construction strictly and ranks it.
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
        LeaderboardEntryEntity e = boards.submit(problem, v.score(), submitter, write(data));
        return new Ranked(e, boards.rank(e, spec.direction()));
    }

    /**
     * Offers a run's best program to its problem's board: re-verified strictly from its stored raw output,
     * it becomes (or improves) the run's one entry. A best that is valid only under the run's tolerance
     * makes no entry.
     */
    public void offerRunBest(long runId) {
        RunEntity run = store.run(runId);
        if (run == null) return;
        ProgramEntity best = store.best(run);
        if (best == null || best.construction == null) return;
        Problem p = catalog.problem(run.problem);
        Object data;
        try {
            data = json.readValue(best.construction, Object.class);
        } catch (JsonProcessingException e) {
            Log.warnf("run %s: best program %d has an unreadable construction: %s", run.name, best.seq, e.getOriginalMessage());
            return;
        }
        Verification v = p.verifyJson(data, 0);
        if (!v.valid()) return;
        boards.offerRunBest(run.problem, p.direction(), run.id, best.id, v.score(), best.construction);
    }

    /** The raw construction of an entry, as JSON text. */
    public String construction(String problem, long entryId) {
        spec(problem);
        LeaderboardEntryEntity e = boards.entry(entryId);
        if (e == null || !e.problem.equals(problem)) throw new NotFound("no entry " + entryId + " on the leaderboard of " + problem);
        return e.data;
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
