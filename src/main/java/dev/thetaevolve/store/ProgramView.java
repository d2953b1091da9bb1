package dev.thetaevolve.store;

import java.time.Instant;

/** A stored program as the rest of the application sees it (see {@link ProgramEntity} for the fields). */
public record ProgramView(long id, long runId, long seq, long parentSeq, int island, int generation, int step, String code, int codeLength,
                          String normalizedHash, String status, boolean valid, Double score, Double strictScore, double reward,
                          String feedback, String metrics, String summary, String tier, long compileMillis, long runMillis,
                          String construction, Long warmStartSeq, Instant createdAt) {

    static ProgramView of(ProgramEntity e) {
        return e == null ? null : new ProgramView(e.id, e.runId, e.seq, e.parentSeq, e.island, e.generation, e.step, e.code, e.codeLength,
                e.normalizedHash, e.status, e.valid, e.score, e.strictScore, e.reward, e.feedback, e.metrics, e.summary, e.tier,
                e.compileMillis, e.runMillis, e.construction, e.warmStartSeq, e.createdAt);
    }
}
