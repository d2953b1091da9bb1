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
    public List<LeaderboardEntryEntity> entries(String problem, Direction direction) {
        Sort sort = (direction == Direction.MAXIMIZE ? Sort.descending("score") : Sort.ascending("score")).and("id");
        return entries.list("problem", sort, problem);
    }

    @Transactional
    public LeaderboardEntryEntity entry(long id) {
        return entries.findById(id);
    }

    /** Stores a submission that passed strict verification. */
    @Transactional
    public LeaderboardEntryEntity submit(String problem, double score, String submitter, String dataJson) {
        LeaderboardEntryEntity e = new LeaderboardEntryEntity();
        e.problem = problem;
        e.score = score;
        e.submitter = submitter;
        e.data = dataJson;
        e.createdAt = Instant.now();
        entries.persist(e);
        return e;
    }

    /**
     * Makes a run's strictly verified best its one entry: inserts it, or replaces the run's entry when the
     * new one is strictly better. Returns the entry now standing for the run.
     */
    @Transactional
    public LeaderboardEntryEntity offerRunBest(String problem, Direction direction, long runId, long programId, double score, String dataJson) {
        LeaderboardEntryEntity e = entries.find("runId", runId).firstResult();
        if (e != null && (e.programId == programId || !direction.better(score, e.score))) return e;
        boolean fresh = e == null;
        if (fresh) {
            e = new LeaderboardEntryEntity();
            e.problem = problem;
            e.runId = runId;
        }
        e.programId = programId;
        e.score = score;
        e.data = dataJson;
        e.createdAt = Instant.now();
        if (fresh) entries.persist(e);
        return e;
    }

    /** 1-based rank of an entry on its problem's board (entries strictly better, plus older equal ones, plus one). */
    @Transactional
    public long rank(LeaderboardEntryEntity e, Direction direction) {
        String better = direction == Direction.MAXIMIZE ? ">" : "<";
        return entries.count("problem = ?1 and (score " + better + " ?2 or (score = ?2 and id < ?3))", e.problem, e.score, e.id) + 1;
    }
}
