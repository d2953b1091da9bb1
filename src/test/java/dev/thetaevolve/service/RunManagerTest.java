package dev.thetaevolve.service;

import dev.thetaevolve.evolve.EngineConfig;
import dev.thetaevolve.store.LeaseStore;
import dev.thetaevolve.store.RunView;
import dev.thetaevolve.store.RunStatus;
import dev.thetaevolve.store.StoreService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class RunManagerTest {

    @Inject
    RunManager manager;
    @Inject
    RunService runs;
    @Inject
    StoreService store;
    @Inject
    LeaseStore leaseStore;
    @Inject
    Leases leases;

    private RunSettings tiny(int steps) {
        return RunSettings.builtin("circle_packing_26", steps, 0, 1, EngineConfig.builder().parents(2).samples(2).seed(3).build());
    }

    /** A run left RUNNING by a process that is gone, with a budget of {@code steps} steps. */
    private RunView orphan(String holder, Instant leaseUntil, int steps) {
        RunView r = runs.create("orphan-" + System.nanoTime(), tiny(steps));
        leaseStore.setBudget(r.id(), steps, null);
        leaseStore.acquire(r.id(), holder, Instant.now(), leaseUntil, h -> false);
        leaseStore.transition(r.id(), RunStatus.CREATED, RunStatus.RUNNING);
        return r;
    }

    private RunView await(long id, RunStatus status) {
        Awaitility.await("run " + id + " is " + status + " and no longer driven here").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> store.run(id).status() == status && !manager.drivesHere(id));
        return store.run(id);
    }

    @Test
    void adoptOrphans_expiredLease_resumedToItsBudget() {
        RunView r = orphan("otherhost/1/gone", Instant.now().minusSeconds(1), 2);
        manager.adoptOrphans();
        RunView done = await(r.id(), RunStatus.FINISHED);
        assertThat(done.committedSteps()).isEqualTo(2);
        assertThat(done.programs()).isEqualTo(1 + 2 * 4);
        assertThat(done.leaseOwner()).as("released when finished").isNull();
    }

    @Test
    void adoptOrphans_liveForeignLease_leftAlone() {
        RunView r = orphan("otherhost/1/alive", Instant.now().plusSeconds(60), 2);
        manager.adoptOrphans();
        assertThat(manager.drivesHere(r.id())).isFalse();
        assertThat(store.run(r.id()).leaseOwner()).isEqualTo("otherhost/1/alive");
        assertThatThrownBy(() -> manager.resume(r.id(), 1, null)).isInstanceOf(Conflict.class).hasMessageContaining("otherhost/1/alive");
    }

    @Test
    void stop_runDrivenElsewhere_setsStopping() {
        RunView r = orphan("otherhost/1/alive2", Instant.now().plusSeconds(60), 2);
        assertThat(manager.stop(r.id()).status()).isEqualTo(RunStatus.STOPPING);
        assertThatThrownBy(() -> manager.resume(r.id(), 1, null)).isInstanceOf(Conflict.class);
    }

    @Test
    void stop_orphanNobodyDrives_stoppedAtOnce() {
        RunView r = orphan("otherhost/1/gone2", Instant.now().minusSeconds(5), 2);
        assertThat(manager.stop(r.id()).status()).isEqualTo(RunStatus.STOPPED);
    }

    @Test
    void drive_cliPathHoldsTheLease_secondDriverRefused() {
        RunView r = runs.create("cli-" + System.nanoTime(), tiny(1));
        Leases.Lease lease = runs.begin(r, new RunService.Control(), tiny(1));
        try (lease) {
            assertThatThrownBy(() -> runs.drive(r, tiny(1), null, null)).isInstanceOf(Conflict.class).hasMessageContaining(leases.owner());
        }
        runs.drive(store.run(r.id()), tiny(1), null, null);
        assertThat(store.run(r.id()).status()).isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void isDeadLocalProcess_onlyForExitedLocalPids() throws Exception {
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        assertThat(Leases.isDeadLocalProcess(host + "/" + p.pid() + "/x")).isTrue();
        assertThat(Leases.isDeadLocalProcess(host + "/" + ProcessHandle.current().pid() + "/x")).isFalse();
        assertThat(Leases.isDeadLocalProcess("elsewhere/" + p.pid() + "/x")).isFalse();
        assertThat(Leases.isDeadLocalProcess("garbage")).isFalse();
    }
}
