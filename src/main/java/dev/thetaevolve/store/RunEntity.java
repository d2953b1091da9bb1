package dev.thetaevolve.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.Length;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A run row: its full configuration and where it stands. Updated only by the run's lease holder. */
@Entity
@Table(name = "runs")
public class RunEntity {
    @Id
    @GeneratedValue
    public Long id;
    @Column(nullable = false, unique = true, length = 200)
    public String name;
    @Column(nullable = false, length = 200)
    public String problem;
    @Column(nullable = false, length = 100)
    public String mutator;
    /** The full configuration as JSON (never an API key). */
    @Column(nullable = false, length = Length.LONG32)
    public String config;
    public long seed;
    /** By name in a VARCHAR (not a database enum), so a status added later needs no migration. */
    @Column(nullable = false, length = 40)
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public RunStatus status;
    public int committedSteps;
    public long programs;
    public long evaluations;
    public Double bestScore;
    public Long bestProgram;
    public Double seedScore;
    @Column(length = 2000)
    public String message;
    /** Which process holds the run now, and until when (a lease renewed while it works). */
    @Column(length = 200)
    public String leaseOwner;
    public Instant leaseUntil;
    /** The budget of the current drive: stop once this step is committed (null = no step limit). */
    public Integer targetStep;
    /** The wall-clock budget of the current drive in milliseconds (null = none), and how much of it is spent. */
    public Long budgetMillis;
    public long drivenMillis;
    public Instant createdAt;
    public Instant updatedAt;
}
