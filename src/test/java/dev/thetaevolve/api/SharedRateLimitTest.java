package dev.thetaevolve.api;

import dev.thetaevolve.store.RateBucketStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The submission limit of two replicas on one database (two {@link RateLimit}s over the database's buckets,
 * H2 here or PostgreSQL with -Ppostgres): they share one bucket per token, so together they allow the rate
 * once, even when their requests race.
 */
@QuarkusTest
class SharedRateLimitTest {

    @Inject
    RateBucketStore store;

    @Test
    void twoReplicas_shareOneBucketPerToken() {
        AtomicLong now = new AtomicLong(System.currentTimeMillis() * 1000);
        RateLimit one = new RateLimit(6, now::get, store::take);
        RateLimit two = new RateLimit(6, now::get, store::take);
        String token = "t-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            one.take(token);
            two.take(token);
        }
        assertThatThrownBy(() -> one.take(token)).isInstanceOf(RateLimit.Exceeded.class).hasMessageContaining("try again in 10 s");
        assertThatThrownBy(() -> two.take(token)).isInstanceOf(RateLimit.Exceeded.class);
        two.take("t-" + UUID.randomUUID()); // another token has its own bucket
        now.addAndGet(10_000_000L);
        two.take(token);
        assertThatThrownBy(() -> one.take(token)).isInstanceOf(RateLimit.Exceeded.class);
    }

    @Test
    void racingReplicas_neverPassMoreThanTheBurst() throws Exception {
        long now = System.currentTimeMillis() * 1000;
        List<RateLimit> replicas = List.of(new RateLimit(5, () -> now, store::take), new RateLimit(5, () -> now, store::take));
        String token = "t-" + UUID.randomUUID(); // its bucket does not exist yet: the replicas also race to create it
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                RateLimit r = replicas.get(i % 2);
                tries.add(pool.submit(() -> {
                    go.await();
                    try {
                        r.take(token);
                        return true;
                    } catch (RateLimit.Exceeded e) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int passed = 0;
            for (Future<Boolean> f : tries) if (f.get()) passed++;
            assertThat(passed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
