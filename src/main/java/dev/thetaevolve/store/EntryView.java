package dev.thetaevolve.store;

import java.time.Instant;

/** A leaderboard entry as the rest of the application sees it (see {@link LeaderboardEntryEntity}). */
public record EntryView(long id, String problem, double score, String submitter, Long runId, Long programId, String data, Instant createdAt) {

    static EntryView of(LeaderboardEntryEntity e) {
        return e == null ? null : new EntryView(e.id, e.problem, e.score, e.submitter, e.runId, e.programId, e.data, e.createdAt);
    }
}
