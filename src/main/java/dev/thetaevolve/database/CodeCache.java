package dev.thetaevolve.database;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import java.util.Objects;
import java.util.function.Function;

/**
 * A cache in front of a slow loader (the engine puts one before the program store), bounded by total
 * weight: one per entry, or a value's characters. A Caffeine cache ({@code maximumWeight}, a weigher, the
 * loader); its eviction is Caffeine's (W-TinyLFU, close to LRU for this access pattern), not exact LRU.
 *
 * <p>Thread-safe. A miss loads under the key's own lock: a second thread missing the same key waits for that
 * load instead of loading again, and other keys are not blocked. A loader that returns null caches nothing and
 * {@link #get} returns null. A value heavier than the whole bound is returned but not kept. Eviction runs on the
 * calling thread, so {@link #size} and {@link #weight} are exact after each call.
 *
 * @param <K> key type (e.g. a program id)
 * @param <V> value type (e.g. its code)
 */
public final class CodeCache<K, V> {
    private final LoadingCache<K, V> cache;

    private CodeCache(long maxWeight, com.github.benmanes.caffeine.cache.Weigher<? super K, ? super V> weigher,
                      Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(loader, "loader");
        this.cache = Caffeine.newBuilder().maximumWeight(maxWeight).weigher(weigher).executor(Runnable::run).recordStats()
                .build(loader::apply);
    }

    /** A cache holding at most maxEntries values. */
    public static <K, V> CodeCache<K, V> boundedByEntries(int maxEntries, Function<? super K, ? extends V> loader) {
        DatabaseConfig.atLeast("maxEntries", maxEntries, 1);
        return new CodeCache<>(maxEntries, (k, v) -> 1, loader);
    }

    /** A cache of strings holding at most maxChars characters in all. */
    public static <K> CodeCache<K, String> boundedByChars(long maxChars, Function<? super K, String> loader) {
        DatabaseConfig.atLeast("maxChars", maxChars, 1);
        return new CodeCache<>(maxChars, (k, v) -> v.length(), loader);
    }

    /** The cached value, or the loader's (cached on the way) on a miss. */
    public V get(K key) {
        return cache.get(Objects.requireNonNull(key, "key"));
    }

    /** Caches value for key, replacing any previous one (e.g. right after the store saved it). */
    public void put(K key, V value) {
        cache.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    public void invalidate(K key) {
        cache.invalidate(key);
    }

    public int size() {
        cache.cleanUp();
        return (int) cache.estimatedSize();
    }

    /** Total weight held (entries or characters). */
    public long weight() {
        cache.cleanUp();
        return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    public long hits() {
        return stats().hitCount();
    }

    public long misses() {
        return stats().missCount();
    }

    public long evictions() {
        cache.cleanUp();
        return stats().evictionCount();
    }

    private CacheStats stats() {
        return cache.stats();
    }
}
