package dev.thetaevolve.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.Length;

import java.time.Instant;

/**
 * One strictly verified construction on a problem's leaderboard: a run's best program (one entry per run,
 * replaced when the run improves) or a submission. Only entries verified at tolerance 0 are ever stored.
 */
@Entity
@Table(name = "leaderboard_entries", indexes = {@Index(name = "ix_leaderboard_problem", columnList = "problem,score"),
        @Index(name = "ix_leaderboard_run", columnList = "runId"), @Index(name = "ix_leaderboard_hash", columnList = "problem,dataHash")})
public class LeaderboardEntryEntity {
    @Id
    @GeneratedValue
    public Long id;
    @Column(nullable = false, length = 200)
    public String problem;
    public double score;
    /** Who submitted it; null for a run's entry. */
    @Column(length = 200)
    public String submitter;
    /** The run and program (ProgramEntity.id) it comes from; null for a submission. */
    public Long runId;
    public Long programId;
    /** SHA-256 of the normalized construction (service.Constructions): one entry per construction and problem. */
    @Column(length = 64)
    public String dataHash;
    /** The raw construction as JSON. */
    @Column(nullable = false, length = Length.LONG32)
    public String data;
    public Instant createdAt;
}
