package dev.thetaevolve.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.rl.Rollout;
import dev.thetaevolve.rl.RolloutSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rollouts and policy checkpoints of runs. {@link #sink(long)} adapts a run to the engine-side
 * {@link RolloutSink}: each step's rollouts and its checkpoint commit in one transaction (after the
 * step's own commit, so a crash between the two loses only that step's rollouts, which a resume redoes).
 */
@ApplicationScoped
public class RolloutStore {
    private static final TypeReference<List<Double>> DOUBLES = new TypeReference<>() {
    };
    /** Checkpoints kept per run: the newest few, so a run's table does not grow with its steps. */
    static final int KEEP_CHECKPOINTS = 3;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /** Stores one step's rollouts and, when non-null, the policy checkpoint after it. */
    @Transactional
    public void commit(long runId, int step, List<Rollout> rollouts, byte[] checkpoint) {
        for (Rollout r : rollouts) {
            RolloutEntity e = new RolloutEntity();
            e.runId = runId;
            e.step = step;
            e.groupKey = r.group();
            e.childSeq = r.childId();
            e.parentSeq = r.parentId();
            e.input = r.input();
            e.output = r.output();
            e.status = r.status();
            e.reward = r.reward();
            e.advantage = r.advantage();
            e.logprobs = write(r.logprobs());
            em.persist(e);
        }
        if (checkpoint != null) {
            em.createQuery("delete from PolicyCheckpointEntity c where c.runId = :run and c.step >= :step")
                    .setParameter("run", runId).setParameter("step", step).executeUpdate();
            PolicyCheckpointEntity c = new PolicyCheckpointEntity();
            c.runId = runId;
            c.step = step;
            c.bytes = checkpoint.clone();
            em.persist(c);
            em.createQuery("delete from PolicyCheckpointEntity c where c.runId = :run and c.step <= :old")
                    .setParameter("run", runId).setParameter("old", step - KEEP_CHECKPOINTS).executeUpdate();
        }
    }

    /** The rollouts of one step, in commit order. */
    @Transactional
    public List<Rollout> rollouts(long runId, int step) {
        List<Rollout> out = new ArrayList<>();
        for (RolloutEntity e : em.createQuery("from RolloutEntity r where r.runId = :run and r.step = :step order by r.id", RolloutEntity.class)
                .setParameter("run", runId).setParameter("step", step).getResultList()) {
            out.add(new Rollout(e.step, e.groupKey, e.childSeq, e.parentSeq, e.input, e.output, e.status, e.reward, e.advantage, read(e.logprobs)));
        }
        return out;
    }

    /** The newest checkpoint of a run. */
    @Transactional
    public Optional<RolloutSink.Checkpoint> latestCheckpoint(long runId) {
        return em.createQuery("from PolicyCheckpointEntity c where c.runId = :run order by c.step desc", PolicyCheckpointEntity.class)
                .setParameter("run", runId).setMaxResults(1).getResultStream().findFirst()
                .map(c -> new RolloutSink.Checkpoint(c.step, c.bytes));
    }

    /** How many checkpoints of a run are kept (at most {@value #KEEP_CHECKPOINTS}). */
    @Transactional
    public long checkpoints(long runId) {
        return em.createQuery("select count(c) from PolicyCheckpointEntity c where c.runId = :run", Long.class)
                .setParameter("run", runId).getSingleResult();
    }

    /** The engine-side view of run {@code runId}. */
    public RolloutSink sink(long runId) {
        return new RolloutSink() {
            @Override
            public void commit(int step, List<Rollout> rollouts, byte[] checkpoint) {
                RolloutStore.this.commit(runId, step, rollouts, checkpoint);
            }

            @Override
            public Optional<Checkpoint> latestCheckpoint() {
                return RolloutStore.this.latestCheckpoint(runId);
            }
        };
    }

    private String write(List<Double> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("logprobs do not serialize: " + e.getMessage(), e);
        }
    }

    private List<Double> read(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, DOUBLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored logprobs are not a JSON array: " + e.getMessage(), e);
        }
    }
}
