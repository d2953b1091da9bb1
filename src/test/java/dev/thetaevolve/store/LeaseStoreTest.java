package dev.thetaevolve.store;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The lease on whatever database the suite runs on (H2, or PostgreSQL with -Ppostgres). */
@QuarkusTest
class LeaseStoreTest {

    @Inject
    LeaseStore leases;
    @Inject
    StoreService store;

    private long newRun() {
        return store.createRun("lease-" + System.nanoTime(), "circle_packing_26", "builtin", "{}", 0).id();
    }

    @Test
    void acquire_heldByLiveOwner_refusedUntilExpiry() {
        long run = newRun();
        Instant now = Instant.now();
        assertThat(leases.acquire(run, "a", now, now.plusSeconds(30), h -> false)).isTrue();
        assertThat(leases.acquire(run, "b", now, now.plusSeconds(30), h -> false)).isFalse();
        assertThat(leases.acquire(run, "a", now, now.plusSeconds(30), h -> false)).as("re-entrant").isTrue();
        assertThat(leases.holder(run)).isEqualTo("a");

        Instant later = now.plusSeconds(31);
        assertThat(leases.acquire(run, "b", later, later.plusSeconds(30), h -> false)).as("expired: taken over").isTrue();
        assertThat(leases.renew(run, "a", later.plusSeconds(30), 0)).as("the old holder has lost it").isFalse();
        assertThat(leases.setStatus(run, "a", RunStatus.FINISHED, null)).isFalse();
        assertThat(leases.setStatus(run, "b", RunStatus.RUNNING, null)).isTrue();
        assertThat(leases.renew(run, "b", later.plusSeconds(60), 1500)).isTrue();
        assertThat(store.run(run).drivenMillis()).isEqualTo(1500);
    }

    @Test
    void acquire_deadHolder_takenOverBeforeExpiry() {
        long run = newRun();
        Instant now = Instant.now();
        assertThat(leases.acquire(run, "host/1/dead", now, now.plusSeconds(300), h -> false)).isTrue();
        assertThat(leases.acquire(run, "c", now, now.plusSeconds(30), h -> false)).isFalse();
        assertThat(leases.acquire(run, "c", now, now.plusSeconds(30), h -> h.equals("host/1/dead"))).isTrue();
        assertThat(leases.holder(run)).isEqualTo("c");
    }

    @Test
    void release_onlyByHolder() {
        long run = newRun();
        Instant now = Instant.now();
        leases.acquire(run, "a", now, now.plusSeconds(30), h -> false);
        leases.release(run, "b");
        assertThat(leases.holder(run)).isEqualTo("a");
        leases.release(run, "a");
        assertThat(leases.holder(run)).isNull();
        assertThat(leases.acquire(run, "b", now, now.plusSeconds(30), h -> false)).isTrue();
    }

    @Test
    void acquire_manyContenders_exactlyOneWins() throws Exception {
        long run = newRun();
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String owner = "owner-" + i;
                tries.add(() -> leases.acquire(run, owner, now, now.plusSeconds(30), h -> false));
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(tries)) if (f.get()) winners++;
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void transition_onlyFromExpectedStatus() {
        long run = newRun();
        assertThat(leases.transition(run, RunStatus.RUNNING, RunStatus.STOPPING)).isFalse();
        assertThat(leases.transition(run, RunStatus.CREATED, RunStatus.STOPPED)).isTrue();
        assertThat(store.run(run).status()).isEqualTo(RunStatus.STOPPED);
    }
}
