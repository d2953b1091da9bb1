package dev.thetaevolve.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.render.ConstructionSvg;
import dev.thetaevolve.store.EntryView;
import dev.thetaevolve.store.LeaderboardStore;
import dev.thetaevolve.store.ProgramView;
import dev.thetaevolve.store.RunView;
import dev.thetaevolve.store.StoreQueries;
import dev.thetaevolve.store.StoreService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored constructions (leaderboard entries, programs, a run's best) as JSON text and as drawings.
 * Stored constructions never change, so drawings are kept in a small cache keyed by entry or program id.
 */
@ApplicationScoped
public class Drawings {
    private static final int CACHE = 48;

    @Inject
    ProblemCatalog catalog;
    @Inject
    Leaderboards boards;
    @Inject
    LeaderboardStore entries;
    @Inject
    StoreService store;
    @Inject
    StoreQueries queries;
    @Inject
    ObjectMapper json;

    private ObjectMapper reader;
    private final Map<String, String> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHE;
        }
    });

    @PostConstruct
    void init() {
        // integers beyond 64 bits (kissing configurations) stay exact
        reader = json.copy().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    }

    /** A leaderboard entry's drawing. */
    public String entry(String problem, long entryId) {
        String data = boards.construction(problem, entryId);
        return cached("entry:" + entryId, () -> draw(problem, data));
    }

    /** The drawing of the best entry on a problem's leaderboard (404 when it has none). */
    public String leaderboardBest(String problem) {
        Leaderboards.Board b = boards.board(problem);
        if (b.entries().isEmpty()) throw new NotFound("the leaderboard of " + problem + " has no entry yet");
        EntryView e = b.entries().get(0);
        return cached("entry:" + e.id(), () -> draw(problem, e.data()));
    }

    /** A program's raw construction as JSON text (404 when it has none: only valid programs keep theirs). */
    public String programConstruction(long programId) {
        return program(programId).construction();
    }

    /** A program's drawing. */
    public String programDrawing(long programId) {
        ProgramView p = program(programId);
        RunView run = store.run(p.runId());
        if (run == null) throw new NotFound("the run of program " + programId + " is gone");
        return cached("program:" + p.id(), () -> draw(run.problem(), p.construction()));
    }

    /** The best program of a run: its id, for the JSON and the drawing. */
    public long runBest(long runId) {
        RunView run = store.run(runId);
        if (run == null) throw new NotFound("no run with id " + runId);
        ProgramView best = store.best(run);
        if (best == null || best.construction() == null) throw new NotFound("run " + run.name() + " has no valid construction yet");
        return best.id();
    }

    /** Draws a submitted construction (decoded JSON) without storing it. */
    public String submitted(String problem, Object data) {
        return ConstructionSvg.draw(problem(problem), data);
    }

    private ProgramView program(long programId) {
        ProgramView p = queries.program(programId);
        if (p == null) throw new NotFound("no program with id " + programId);
        if (p.construction() == null) throw new NotFound("program " + programId + " has no construction: only valid programs keep theirs");
        return p;
    }

    private Problem problem(String id) {
        if (catalog.spec(id).isEmpty()) throw new NotFound("unknown problem '" + id + "'");
        return catalog.problem(id);
    }

    private String draw(String problem, String dataJson) {
        Object data;
        try {
            data = reader.readValue(dataJson, Object.class);
        } catch (JsonProcessingException e) {
            return ConstructionSvg.unreadable(problem, "the stored construction is not readable JSON: " + e.getOriginalMessage());
        }
        return ConstructionSvg.draw(problem(problem), data);
    }

    private String cached(String key, java.util.function.Supplier<String> draw) {
        String svg = cache.get(key);
        if (svg == null) {
            svg = draw.get();
            cache.put(key, svg);
        }
        return svg;
    }
}
