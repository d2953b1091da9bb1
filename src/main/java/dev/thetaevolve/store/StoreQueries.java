package dev.thetaevolve.store;

import dev.thetaevolve.problem.Direction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/** Read-only queries the REST API and the web page need; each method is one short transaction. */
@ApplicationScoped
public class StoreQueries {
    /** A lineage longer than this is cut (a run's generations rarely exceed a few hundred). */
    public static final int MAX_LINEAGE = 1000;

    @Inject
    Repositories.Runs runs;
    @Inject
    Repositories.Programs programs;
    @Inject
    Repositories.Steps steps;
    @Inject
    EntityManager em;

    /** Totals of a run's steps after the seed: children, valid children, evaluations and time. */
    public record StepTotals(long children, long valid, long evaluations, long millis) {
    }

    @Transactional
    public List<RunView> runsWithStatus(RunStatus... statuses) {
        return runs.list("status in ?1", Sort.by("id"), List.of(statuses)).stream().map(RunView::of).toList();
    }

    @Transactional
    public List<StepView> steps(long runId) {
        return steps.list("runId", Sort.by("step"), runId).stream().map(StepView::of).toList();
    }

    @Transactional
    public StepTotals totals(long runId) {
        Object[] r = em.createQuery("select coalesce(sum(s.children), 0), coalesce(sum(s.valid), 0), coalesce(sum(s.evaluations), 0), "
                        + "coalesce(sum(s.millis), 0) from StepEntity s where s.runId = :run and s.step > 0", Object[].class)
                .setParameter("run", runId).getSingleResult();
        return new StepTotals(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue());
    }

    /** The {@code n} best valid programs of a run, best first; ties by commit order. Code is not needed, but loaded lazily by none. */
    @Transactional
    public List<ProgramView> top(long runId, Direction direction, int n) {
        Sort sort = (direction == Direction.MAXIMIZE ? Sort.descending("score") : Sort.ascending("score")).and("seq");
        return programs.find("runId = ?1 and valid = true", sort, runId).page(0, n).list().stream().map(ProgramView::of).toList();
    }

    @Transactional
    public ProgramView program(long id) {
        return ProgramView.of(programs.findById(id));
    }

    /** Program ids (ProgramEntity.id) of a run by run-local seq. */
    @Transactional
    public Long programId(long runId, long seq) {
        return em.createQuery("select p.id from ProgramEntity p where p.runId = :run and p.seq = :seq", Long.class)
                .setParameter("run", runId).setParameter("seq", seq).getResultStream().findFirst().orElse(null);
    }

    /** The parent chain of a program: its parent first, the seed last (at most {@link #MAX_LINEAGE}). */
    @Transactional
    public List<ProgramView> lineage(ProgramView p) {
        List<ProgramView> out = new ArrayList<>();
        long parent = p.parentSeq();
        while (parent >= 0 && out.size() < MAX_LINEAGE) {
            ProgramEntity q = programs.bySeq(p.runId(), parent);
            if (q == null) break;
            out.add(ProgramView.of(q));
            parent = q.parentSeq;
        }
        return out;
    }
}
