package dev.thetaevolve.store;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import java.time.Instant;

/** One committed step of a run. (run, step) is unique. */
@Entity
@Table(name = "steps", uniqueConstraints = @UniqueConstraint(name = "uk_steps_run_step", columnNames = {"runId", "step"}))
public class StepEntity {
    @Id
    @GeneratedValue
    public Long id;
    public Long runId;
    public int step;
    public int children;
    public int valid;
    public Double bestScore;
    public long bestSeq;
    public long millis;
    public int evaluations;
    public Instant createdAt;
}
