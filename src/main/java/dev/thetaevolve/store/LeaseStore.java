package dev.thetaevolve.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * The run lease: which process may drive a run. Every change is one conditional UPDATE in its own
 * transaction, so on a shared database (H2 server mode or PostgreSQL) exactly one contender wins: the
 * row lock taken by the UPDATE serialises them and the WHERE clause is re-checked under it.
 *
 * <p>A lease is free when it has no owner, when it has expired, or when {@code deadHolder} says its owner
 * is a process known to be gone (a crashed process on this very host need not wait for expiry).
 */
@ApplicationScoped
public class LeaseStore {

    @Inject
    EntityManager em;

    /**
     * Takes the lease of a run for {@code owner} until {@code until} when it is free (see class doc) or
     * already {@code owner}'s.
     *
     * @return true when {@code owner} holds it now
     */
    @Transactional
    public boolean acquire(long runId, String owner, Instant now, Instant until, Predicate<String> deadHolder) {
        int n = em.createQuery("update RunEntity r set r.leaseOwner = :owner, r.leaseUntil = :until where r.id = :id "
                        + "and (r.leaseOwner is null or r.leaseOwner = :owner or r.leaseUntil is null or r.leaseUntil < :now)")
                .setParameter("owner", owner).setParameter("until", until).setParameter("id", runId).setParameter("now", now)
                .executeUpdate();
        if (n == 1) return true;
        String holder = holder(runId);
        if (holder == null || !deadHolder.test(holder)) return false;
        return em.createQuery("update RunEntity r set r.leaseOwner = :owner, r.leaseUntil = :until where r.id = :id and r.leaseOwner = :holder")
                .setParameter("owner", owner).setParameter("until", until).setParameter("id", runId).setParameter("holder", holder)
                .executeUpdate() == 1;
    }

    /**
     * Extends {@code owner}'s lease and adds {@code drivenMillis} to the run's spent wall-clock budget.
     *
     * @return false when {@code owner} no longer holds the lease (it expired and another process took it)
     */
    @Transactional
    public boolean renew(long runId, String owner, Instant until, long drivenMillis) {
        return em.createQuery("update RunEntity r set r.leaseUntil = :until, r.drivenMillis = r.drivenMillis + :ms "
                        + "where r.id = :id and r.leaseOwner = :owner")
                .setParameter("until", until).setParameter("ms", drivenMillis).setParameter("id", runId).setParameter("owner", owner)
                .executeUpdate() == 1;
    }

    /** Gives the lease up; does nothing when {@code owner} does not hold it. */
    @Transactional
    public void release(long runId, String owner) {
        em.createQuery("update RunEntity r set r.leaseOwner = null, r.leaseUntil = null where r.id = :id and r.leaseOwner = :owner")
                .setParameter("id", runId).setParameter("owner", owner).executeUpdate();
    }

    /** The current holder's name, or null (an expired holder is still returned). */
    @Transactional
    public String holder(long runId) {
        List<String> owners = em.createQuery("select r.leaseOwner from RunEntity r where r.id = :id", String.class)
                .setParameter("id", runId).getResultList();
        return owners.isEmpty() ? null : owners.get(0);
    }

    /**
     * Sets a run's status only while {@code owner} holds its lease, so a process that lost the lease can
     * never overwrite what the new holder wrote; the move must be one that {@link RunStatus} allows.
     *
     * @return false when {@code owner} does not hold the lease
     * @throws IllegalStateException naming both states when the run's status may not become {@code status}
     */
    @Transactional
    public boolean setStatus(long runId, String owner, RunStatus status, String message) {
        int n = em.createQuery("update RunEntity r set r.status = :status, r.message = :message, r.updatedAt = :now "
                        + "where r.id = :id and r.leaseOwner = :owner and r.status in :from")
                .setParameter("status", status).setParameter("message", message).setParameter("now", Instant.now())
                .setParameter("id", runId).setParameter("owner", owner).setParameter("from", status.predecessors()).executeUpdate();
        if (n == 1) return true;
        List<Object[]> now = em.createQuery("select r.status, r.leaseOwner from RunEntity r where r.id = :id", Object[].class)
                .setParameter("id", runId).getResultList();
        if (now.isEmpty() || !owner.equals(now.get(0)[1])) return false;
        throw RunStatus.refused((RunStatus) now.get(0)[0], status);
    }

    /**
     * Changes the status from {@code from} to {@code to} whoever holds the lease (a stop asked from any
     * process, an orphan's last word).
     *
     * @return true when the run had status {@code from}
     * @throws IllegalStateException naming both states when {@link RunStatus} forbids the move
     */
    @Transactional
    public boolean transition(long runId, RunStatus from, RunStatus to) {
        from.checkMove(to);
        return em.createQuery("update RunEntity r set r.status = :to, r.updatedAt = :now where r.id = :id and r.status = :from")
                .setParameter("to", to).setParameter("from", from).setParameter("now", Instant.now()).setParameter("id", runId)
                .executeUpdate() == 1;
    }

    /** Records the budget of a new drive: a target step and a wall-clock allowance, with nothing spent yet. */
    @Transactional
    public void setBudget(long runId, Integer targetStep, Long budgetMillis) {
        em.createQuery("update RunEntity r set r.targetStep = :t, r.budgetMillis = :b, r.drivenMillis = 0 where r.id = :id")
                .setParameter("t", targetStep).setParameter("b", budgetMillis).setParameter("id", runId).executeUpdate();
    }
}
