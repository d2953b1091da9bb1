package dev.thetaevolve.database;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A least-recently-used cache in front of a slow loader (the engine puts one before the program store),
 * bounded by total weight: one per entry, or a value's characters.
 *
 * <p>Thread-safe: lookups and inserts are serialised on the cache, but the loader runs outside the lock, so
 * a slow load does not block hits; two threads missing the same key may both load it, and the first to
 * finish is kept. A loader that returns null caches nothing and {@link #get} returns null. A value heavier
 * than the whole bound is returned but not cached. Eviction is exact LRU (access order).
 *
 * @param <K> key type (e.g. a program id)
 * @param <V> value type (e.g. its code)
 */
public final class CodeCache<K, V> {
    private final Function<? super K, ? extends V> loader;
    private final ToLongFunction<? super V> weigher;
    private final long maxWeight;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;
    private long hits;
    private long misses;
    private long evictions;

    private CodeCache(long maxWeight, ToLongFunction<? super V> weigher, Function<? super K, ? extends V> loader) {
        this.maxWeight = maxWeight;
        this.weigher = Objects.requireNonNull(weigher, "weigher");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** A cache holding at most maxEntries values. */
    public static <K, V> CodeCache<K, V> boundedByEntries(int maxEntries, Function<? super K, ? extends V> loader) {
        DatabaseConfig.atLeast("maxEntries", maxEntries, 1);
        return new CodeCache<>(maxEntries, v -> 1, loader);
    }

    /** A cache of strings holding at most maxChars characters in all. */
    public static <K> CodeCache<K, String> boundedByChars(long maxChars, Function<? super K, String> loader) {
        DatabaseConfig.atLeast("maxChars", maxChars, 1);
        return new CodeCache<>(maxChars, String::length, loader);
    }

    /** The cached value, or the loader's (cached on the way) on a miss. */
    public V get(K key) {
        Objects.requireNonNull(key, "key");
        synchronized (this) {
            V v = entries.get(key);
            if (v != null) {
                hits++;
                return v;
            }
            misses++;
        }
        V loaded = loader.apply(key);
        if (loaded == null) return null;
        synchronized (this) {
            V raced = entries.get(key);
            if (raced != null) return raced;
            insert(key, loaded);
        }
        return loaded;
    }

    /** Caches value for key, replacing any previous one (e.g. right after the store saved it). */
    public synchronized void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        invalidate(key);
        insert(key, value);
    }

    public synchronized void invalidate(K key) {
        V old = entries.remove(key);
        if (old != null) weight -= weigher.applyAsLong(old);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Total weight held (entries or characters). */
    public synchronized long weight() {
        return weight;
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    public synchronized long evictions() {
        return evictions;
    }

    private void insert(K key, V value) {
        long w = weigher.applyAsLong(value);
        if (w > maxWeight) return;
        entries.put(key, value);
        weight += w;
        Iterator<Map.Entry<K, V>> eldest = entries.entrySet().iterator();
        while (weight > maxWeight) {
            Map.Entry<K, V> e = eldest.next();
            weight -= weigher.applyAsLong(e.getValue());
            eldest.remove();
            evictions++;
        }
    }
}
