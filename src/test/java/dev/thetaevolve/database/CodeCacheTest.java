package dev.thetaevolve.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeCacheTest {
    private final List<Long> loads = new ArrayList<>();

    private String load(long id) {
        loads.add(id);
        return "x".repeat((int) id);
    }

    @Test
    void get_hit_doesNotCallLoader() {
        CodeCache<Long, String> cache = CodeCache.boundedByEntries(2, this::load);
        assertThat(cache.get(3L)).isEqualTo("xxx");
        assertThat(cache.get(3L)).isEqualTo("xxx");
        assertThat(loads).containsExactly(3L);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void get_overEntryBound_evictsDownToTheBoundAndReloadsWhatItEvicted() {
        CodeCache<Long, String> cache = CodeCache.boundedByEntries(2, this::load);
        for (long id = 1; id <= 5; id++) cache.get(id);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.evictions()).isEqualTo(3);
        loads.clear();
        for (long id = 1; id <= 5; id++) cache.get(id);
        assertThat(loads).as("the 3 evicted ids load again, the 2 kept do not").hasSizeGreaterThanOrEqualTo(3);
        assertThat(cache.misses()).isEqualTo(5 + loads.size());
        assertThat(cache.hits()).isEqualTo(5 - loads.size());
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void get_concurrentMissesOfOneKey_loadOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        CodeCache<Long, String> cache = CodeCache.boundedByEntries(10, id -> {
            calls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "v" + id;
        });
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) got.add(pool.submit(() -> cache.get(7L)));
            org.awaitility.Awaitility.await().until(() -> calls.get() >= 1);
            release.countDown();
            for (var f : got) assertThat(f.get()).isEqualTo("v7");
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void get_overCharBound_evictsUntilWithinBound() {
        CodeCache<Long, String> cache = CodeCache.boundedByChars(10, this::load);
        cache.get(4L);
        cache.get(5L);
        assertThat(cache.weight()).isEqualTo(9);
        cache.get(6L);
        assertThat(cache.weight()).isEqualTo(6);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void get_valueHeavierThanBound_isReturnedButNotCached() {
        CodeCache<Long, String> cache = CodeCache.boundedByChars(10, this::load);
        assertThat(cache.get(11L)).hasSize(11);
        assertThat(cache.size()).isZero();
    }

    @Test
    void get_loaderReturnsNull_cachesNothing() {
        CodeCache<Long, String> cache = CodeCache.boundedByEntries(2, id -> null);
        assertThat(cache.get(1L)).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void put_replacesValueAndWeight() {
        CodeCache<Long, String> cache = CodeCache.boundedByChars(100, this::load);
        cache.get(5L);
        cache.put(5L, "ab");
        assertThat(cache.get(5L)).isEqualTo("ab");
        assertThat(cache.weight()).isEqualTo(2);
        cache.invalidate(5L);
        assertThat(cache.weight()).isZero();
    }

    @Test
    void boundedByEntries_zero_isRejected() {
        assertThatThrownBy(() -> CodeCache.boundedByEntries(0, this::load))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxEntries must be >= 1, got '0'");
    }
}
