package dev.thetaevolve.api;

import dev.thetaevolve.store.RateBucketEntity;
import dev.thetaevolve.store.RateBucketStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Leaderboard submissions per bearer token: a token bucket of {@code thetaevolve.api.submissions-per-minute}
 * (default 120) that refills continuously, so a burst of that many passes and then one every
 * 60/limit seconds. 0 turns the limit off. The buckets live in the database ({@link RateBucketStore}), so
 * replicas of one service share them: N replicas allow the rate once, not N times. Thread-safe.
 */
@ApplicationScoped
public class RateLimit {

    /** Past the limit: the API answers 429 with Retry-After. */
    public static final class Exceeded extends RuntimeException {
        final long retryAfterSeconds;

        Exceeded(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** Where buckets live: {@code take} returns 0 when {@code cost} was taken, else the microseconds to wait. */
    @FunctionalInterface
    public interface Buckets {
        long take(String key, long cost, long capacity, long now);
    }

    private static final long MINUTE = 60_000_000L;

    private final int perMinute;
    private final LongSupplier micros;
    private final Buckets buckets;

    @Inject
    public RateLimit(@ConfigProperty(name = "thetaevolve.api.submissions-per-minute", defaultValue = "120") int perMinute, RateBucketStore store) {
        this(perMinute, () -> System.currentTimeMillis() * 1000, store::take);
    }

    /** @param micros the wall clock in microseconds (replicas share buckets, so not a monotonic clock) */
    RateLimit(int perMinute, LongSupplier micros, Buckets buckets) {
        if (perMinute < 0) throw new IllegalArgumentException("thetaevolve.api.submissions-per-minute must be >= 0, got " + perMinute);
        this.perMinute = perMinute;
        this.micros = micros;
        this.buckets = buckets;
    }

    /**
     * Takes one submission from {@code token}'s bucket.
     *
     * @throws Exceeded when the bucket is empty
     */
    public void take(String token) {
        if (perMinute == 0) return;
        long wait = buckets.take(HexKey.of(token), MINUTE / perMinute, MINUTE, micros.getAsLong());
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999_999) / 1_000_000);
            throw new Exceeded("more than " + perMinute + " submissions a minute with this token; try again in " + seconds + " s", seconds);
        }
    }

    /** Buckets in this process only (tests); exact arithmetic in microseconds. */
    static Buckets inMemory() {
        Map<String, RateBucketEntity> state = new ConcurrentHashMap<>();
        return (key, cost, capacity, now) -> {
            RateBucketEntity b = state.computeIfAbsent(key, k -> RateBucketStore.full(k, capacity, now));
            synchronized (b) {
                return RateBucketStore.take(b, cost, capacity, now);
            }
        };
    }

    /** The bucket's key: the token's hash, so no token is kept in memory or in the database. */
    static final class HexKey {
        static String of(String token) {
            return java.util.HexFormat.of().formatHex(ApiTokens.sha256(token == null ? "" : token.strip()));
        }
    }
}
