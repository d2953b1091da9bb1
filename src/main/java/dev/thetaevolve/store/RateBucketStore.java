package dev.thetaevolve.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Token buckets in the database, so that N replicas of one service allow one rate, not N: each take locks its
 * bucket's row ({@code select … for update}) for the read-modify-write. Time is the replicas' wall clocks,
 * in microseconds; clocks that disagree by a second move a bucket's refill by that second, no more.
 */
@ApplicationScoped
public class RateBucketStore {

    @Inject
    EntityManager em;

    /**
     * Takes {@code cost} from the bucket {@code key}, which refills one microsecond per microsecond up to
     * {@code capacity} and starts full.
     *
     * @return 0 when taken, else the microseconds until the bucket would hold {@code cost}
     */
    public long take(String key, long cost, long capacity, long now) {
        long wait = takeLocked(key, cost, capacity, now);
        if (wait != MISSING) return wait;
        try {
            create(key, capacity, now);
        } catch (RuntimeException e) {
            // another replica created it first (primary key): take from theirs
        }
        wait = takeLocked(key, cost, capacity, now);
        if (wait == MISSING) throw new IllegalStateException("rate bucket " + key + " vanished");
        return wait;
    }

    private static final long MISSING = -1;

    @Transactional
    long takeLocked(String key, long cost, long capacity, long now) {
        RateBucketEntity b = em.find(RateBucketEntity.class, key, LockModeType.PESSIMISTIC_WRITE);
        return b == null ? MISSING : take(b, cost, capacity, now);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void create(String key, long capacity, long now) {
        em.persist(full(key, capacity, now));
        em.flush();
    }

    /** A new bucket, full. */
    public static RateBucketEntity full(String key, long capacity, long now) {
        RateBucketEntity b = new RateBucketEntity();
        b.key = key;
        b.creditMicros = capacity;
        b.lastMicros = now;
        return b;
    }

    /** The bucket arithmetic, on a bucket the caller holds exclusively: refill since last, then take. */
    public static long take(RateBucketEntity b, long cost, long capacity, long now) {
        b.creditMicros = Math.min(capacity, b.creditMicros + Math.max(0, now - b.lastMicros));
        b.lastMicros = Math.max(b.lastMicros, now);
        if (b.creditMicros >= cost) {
            b.creditMicros -= cost;
            return 0;
        }
        return cost - b.creditMicros;
    }
}
