package dev.thetaevolve.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.Length;

/** The learned mutation policy of a run after one step (serialized parameters and optimizer state). */
@Entity
@Table(name = "policy_checkpoints", uniqueConstraints = @UniqueConstraint(name = "uk_policy_run_step", columnNames = {"runId", "step"}))
public class PolicyCheckpointEntity {
    @Id
    @GeneratedValue
    public Long id;
    @Column(nullable = false)
    public Long runId;
    public int step;
    @Column(nullable = false, length = Length.LONG32)
    public byte[] bytes;
}
