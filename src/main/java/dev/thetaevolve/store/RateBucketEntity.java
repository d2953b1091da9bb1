package dev.thetaevolve.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A token bucket shared by every replica of one database (the leaderboard's per-token submission limit):
 * credit in microseconds of allowance, and the wall-clock time it was last refilled.
 */
@Entity
@Table(name = "rate_buckets")
public class RateBucketEntity {
    @Id
    @Column(name = "bucket_key", length = 64)
    public String key;
    @Column(name = "credit_micros", nullable = false)
    public long creditMicros;
    @Column(name = "last_micros", nullable = false)
    public long lastMicros;
}
