package dev.thetaevolve.service;

import dev.thetaevolve.store.LeaseStore;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This process's run leases. A process drives a run only while it holds the run's lease in the store;
 * a heartbeat renews every held lease each third of the time-to-live, so a long step never loses it,
 * and when a renewal fails (the lease expired, say after a long GC pause, and another process took it)
 * the holder is told and stops driving. A lease whose holder died is taken over when it expires, or at
 * once when the holder was a process on this host that no longer exists.
 *
 * <p>Owner names read {@code host/pid/random}: unique per process start, and enough to tell a local dead
 * holder. Thread-safe.
 */
@ApplicationScoped
public class Leases {

    /** A held lease. {@link #close()} releases it. */
    public final class Lease implements AutoCloseable {
        final long runId;
        final Runnable onLost;
        volatile boolean lost;

        Lease(long runId, Runnable onLost) {
            this.runId = runId;
            this.onLost = onLost;
        }

        /** Renews now and adds {@code drivenMillis} to the run's spent budget; false when the lease is lost. */
        public boolean renew(long drivenMillis) {
            if (lost) return false;
            if (!store.renew(runId, owner, Instant.now().plus(ttl), drivenMillis)) lose();
            return !lost;
        }

        public boolean lost() {
            return lost;
        }

        public long runId() {
            return runId;
        }

        void lose() {
            if (lost) return;
            lost = true;
            held.remove(runId, this);
            Log.warnf("lost the lease of run %d; stopping it here", runId);
            if (onLost != null) onLost.run();
        }

        @Override
        public void close() {
            held.remove(runId, this);
            if (!lost) store.release(runId, owner);
        }
    }

    @Inject
    LeaseStore store;
    @ConfigProperty(name = "thetaevolve.lease.ttl", defaultValue = "30s")
    Duration ttl;

    private final String owner = ownerName();
    private final Map<Long, Lease> held = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService heartbeat;

    private static String ownerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This process's owner name. */
    public String owner() {
        return owner;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * Takes the lease of a run.
     *
     * @param onLost called (from the heartbeat thread) if the lease is later lost
     * @return the lease, or null when another live process holds it
     */
    public Lease tryAcquire(long runId, Runnable onLost) {
        if (held.containsKey(runId)) return null; // one drive per run in this process, too
        Instant now = Instant.now();
        if (!store.acquire(runId, owner, now, now.plus(ttl), Leases::isDeadLocalProcess)) return null;
        Lease lease = new Lease(runId, onLost);
        held.put(runId, lease);
        startHeartbeat();
        return lease;
    }

    /** Who holds a run's lease now (possibly expired), or null. */
    public String holder(long runId) {
        return store.holder(runId);
    }

    /** True when {@code holder} names a process of this host that has exited. */
    static boolean isDeadLocalProcess(String holder) {
        String[] parts = holder.split("/");
        if (parts.length != 3) return false;
        try {
            if (!parts[0].equals(InetAddress.getLocalHost().getHostName())) return false;
            long pid = Long.parseLong(parts[1]);
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (Exception e) {
            return false;
        }
    }

    private synchronized void startHeartbeat() {
        if (heartbeat != null) return;
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, ttl.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    private void renewAll() {
        for (Lease l : held.values()) {
            try {
                l.renew(0);
            } catch (RuntimeException e) {
                // a database hiccup: try again at the next beat; the lease only lapses after a whole ttl
                Log.warnf("cannot renew the lease of run %d: %s", l.runId, e.getMessage());
            }
        }
    }

    @PreDestroy
    synchronized void shutdown() {
        if (heartbeat != null) heartbeat.shutdownNow();
    }
}
