package dev.thetaevolve.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.Length;

import java.time.Instant;

/** One program of a run; append-only. (run, seq) is unique, so a step can never be committed twice. */
@Entity
@Table(name = "programs",
        uniqueConstraints = @UniqueConstraint(name = "uk_programs_run_seq", columnNames = {"runId", "seq"}),
        indexes = {@Index(name = "ix_programs_run_score", columnList = "runId,valid,score")})
public class ProgramEntity {
    @Id
    @GeneratedValue
    public Long id;
    @Column(nullable = false)
    public Long runId;
    /** Run-local id: 0 is the seed. */
    public long seq;
    public long parentSeq;
    public int island;
    public int generation;
    public int step;
    @Column(length = Length.LONG32)
    public String code;
    /** Characters of code, kept beside it so a resume reads no code at all. */
    public int codeLength;
    @Column(length = 80)
    public String normalizedHash;
    @Column(nullable = false, length = 30)
    public String status;
    public boolean valid;
    public Double score;
    public Double strictScore;
    public double reward;
    @Column(length = Length.LONG32)
    public String feedback;
    @Column(length = Length.LONG32)
    public String metrics;
    @Column(length = 1000)
    public String summary;
    @Column(length = 10)
    public String tier;
    public long compileMillis;
    public long runMillis;
    /** The raw construction of a valid program, as JSON, for leaderboards. */
    @Column(length = Length.LONG32)
    public String construction;
    /** Search mode: the program (seq) whose construction this one's search started from; null otherwise. */
    public Long warmStartSeq;
    public Instant createdAt;
}
