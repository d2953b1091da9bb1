package dev.thetaevolve.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.Length;

/** One RL rollout of a run (see {@code dev.thetaevolve.rl.Rollout}); (run, step, group) finds a GRPO group. */
@Entity
@Table(name = "rollouts", indexes = {@Index(name = "ix_rollouts_run_step", columnList = "runId,step,groupKey")})
public class RolloutEntity {
    @Id
    @GeneratedValue
    public Long id;
    @Column(nullable = false)
    public Long runId;
    public int step;
    @Column(nullable = false, length = 80)
    public String groupKey;
    public long childSeq;
    public long parentSeq;
    @Column(length = Length.LONG32)
    public String input;
    @Column(length = Length.LONG32)
    public String output;
    @Column(length = 30)
    public String status;
    public double reward;
    public double advantage;
    /** Log-probabilities as a JSON array; "[]" when unknown. */
    @Column(length = Length.LONG32)
    public String logprobs;
}
