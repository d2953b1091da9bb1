package dev.thetaevolve.store;

import dev.thetaevolve.problem.Direction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Leaderboard rows. Callers verify strictly before anything reaches {@link #submit} or {@link #offerRunBest}. */
@ApplicationScoped
public class LeaderboardStore {

    @Inject
    Repositories.Leaderboard entries;

    /** Entries of a problem, best first (direction-aware), ties by age. */
    @Transactional
    public List<EntryView> entries(String problem, Direction direction) {
        Sort sort = (direction == Direction.MAXIMIZE ? Sort.descending("score") : Sort.ascending("score")).and("id");
        return entries.list("problem", sort, problem).stream().map(EntryView::of).toList();
    }

    @Transactional
    public EntryView entry(long id) {
        return EntryView.of(entries.findById(id));
    }

    /** A submission's entry, and whether it was on the board already (the same construction, submitted or evolved before). */
    public record Stored(EntryView entry, boolean existing) {
    }

    /** The entry of a problem holding the construction of this normalized hash (the oldest), or null. */
    @Transactional
    public EntryView byHash(String problem, String dataHash) {
        return EntryView.of(entries.find("problem = ?1 and dataHash = ?2", Sort.by("id"), problem, dataHash).firstResult());
    }

    /**
     * Stores a submission that passed strict verification, unless the problem's board holds the same
     * construction already (same normalized hash): then that entry is the answer and nothing is stored.
     */
    @Transactional
    public Stored submit(String problem, double score, String submitter, String dataJson, String dataHash) {
        EntryView existing = byHash(problem, dataHash);
        if (existing != null) return new Stored(existing, true);
        LeaderboardEntryEntity e = new LeaderboardEntryEntity();
        e.dataHash = dataHash;
        e.problem = problem;
        e.score = score;
        e.submitter = submitter;
        e.data = dataJson;
        e.createdAt = Instant.now();
        entries.persist(e);
        entries.flush(); // the id is assigned
        return new Stored(EntryView.of(e), false);
    }

    /**
     * Makes a run's strictly verified best its one entry: inserts it, or replaces the run's entry when the
     * new one is strictly better. Returns the entry now standing for the run.
     */
    @Transactional
    public EntryView offerRunBest(String problem, Direction direction, long runId, long programId, double score, String dataJson,
                                               String dataHash) {
        LeaderboardEntryEntity e = entries.find("runId", runId).firstResult();
        if (e != null && (e.programId == programId || !direction.better(score, e.score))) return EntryView.of(e);
        boolean fresh = e == null;
        if (fresh) {
            e = new LeaderboardEntryEntity();
            e.problem = problem;
            e.runId = runId;
        }
        e.programId = programId;
        e.score = score;
        e.data = dataJson;
        e.dataHash = dataHash;
        e.createdAt = Instant.now();
        if (fresh) {
            entries.persist(e);
            entries.flush();
        }
        return EntryView.of(e);
    }

    /** 1-based rank of an entry on its problem's board (entries strictly better, plus older equal ones, plus one). */
    @Transactional
    public long rank(EntryView e, Direction direction) {
        String better = direction == Direction.MAXIMIZE ? ">" : "<";
        return entries.count("problem = ?1 and (score " + better + " ?2 or (score = ?2 and id < ?3))", e.problem(), e.score(), e.id()) + 1;
    }
}
