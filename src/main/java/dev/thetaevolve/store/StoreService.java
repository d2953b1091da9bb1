package dev.thetaevolve.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.evolve.ChildRecord;
import dev.thetaevolve.evolve.ChildStatus;
import dev.thetaevolve.evolve.ProgramMeta;
import dev.thetaevolve.evolve.StepSummary;
import dev.thetaevolve.mutate.Parent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Transactions over runs, programs and steps. Every method is one transaction; {@link #commitStep} is the
 * only way programs enter the store.
 */
@ApplicationScoped
public class StoreService {
    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {
    };

    @Inject
    Repositories.Runs runs;
    @Inject
    Repositories.Programs programs;
    @Inject
    Repositories.Steps steps;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /**
     * Creates a run row.
     *
     * @throws IllegalStateException when a run of that name exists
     */
    @Transactional
    public RunView createRun(String name, String problem, String mutator, String configJson, long seed) {
        if (runs.byName(name) != null) {
            throw new IllegalStateException("run '" + name + "' already exists; use resume --run " + name + " to continue it");
        }
        RunEntity r = new RunEntity();
        r.name = name;
        r.problem = problem;
        r.mutator = mutator;
        r.config = configJson;
        r.seed = seed;
        r.status = RunStatus.CREATED;
        r.createdAt = r.updatedAt = Instant.now();
        runs.persist(r);
        runs.flush(); // the id is assigned
        return RunView.of(r);
    }

    @Transactional
    public RunView run(String name) {
        return RunView.of(runs.byName(name));
    }

    @Transactional
    public RunView run(long id) {
        return RunView.of(runs.findById(id));
    }

    @Transactional
    public List<RunView> runs() {
        return runs.listAll(io.quarkus.panache.common.Sort.by("id")).stream().map(RunView::of).toList();
    }

    /** Commits one step: its programs, its step row and the run's counters, all or nothing. */
    @Transactional
    public void commitStep(long runId, StepSummary summary, List<ChildRecord> children) {
        RunEntity run = runs.findById(runId);
        if (run == null) throw new IllegalStateException("no run with id " + runId);
        if (steps.count("runId = ?1 and step = ?2", runId, summary.step()) > 0) {
            throw new IllegalStateException("step " + summary.step() + " of run '" + run.name + "' is already committed");
        }
        Instant now = Instant.now();
        for (ChildRecord c : children) programs.persist(entity(runId, c, now));
        StepEntity s = new StepEntity();
        s.runId = runId;
        s.step = summary.step();
        s.children = summary.children();
        s.valid = summary.valid();
        s.bestScore = summary.bestScore();
        s.bestSeq = summary.bestId();
        s.millis = summary.millis();
        s.evaluations = summary.evaluations();
        s.createdAt = now;
        steps.persist(s);
        if (summary.step() > 0) run.committedSteps = summary.step();
        run.programs += children.size();
        run.evaluations += summary.evaluations();
        if (summary.bestScore() != null) {
            run.bestScore = summary.bestScore();
            run.bestProgram = summary.bestId();
        }
        if (summary.step() == 0 && !children.isEmpty()) run.seedScore = children.get(0).score();
        run.updatedAt = now;
    }

    private ProgramEntity entity(long runId, ChildRecord c, Instant now) {
        ProgramEntity p = new ProgramEntity();
        p.runId = runId;
        p.seq = c.id();
        p.parentSeq = c.parentId();
        p.island = c.island();
        p.generation = c.generation();
        p.step = c.step();
        p.code = c.code();
        p.codeLength = c.code() == null ? 0 : c.code().length();
        p.normalizedHash = c.normalizedHash();
        p.status = c.status().name();
        p.valid = c.valid();
        p.score = c.score();
        p.strictScore = c.strictScore();
        p.reward = c.reward();
        p.feedback = c.feedback() == null ? null : truncate(c.feedback(), 20_000);
        p.metrics = write(c.metrics());
        p.summary = c.summary() == null ? null : truncate(c.summary(), 1000);
        p.tier = c.tier();
        p.compileMillis = c.compileMillis();
        p.runMillis = c.runMillis();
        p.construction = c.construction() == null ? null : write(c.construction());
        p.warmStartSeq = c.warmStartFrom();
        p.createdAt = now;
        return p;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + o.getClass().getSimpleName(), e);
        }
    }

    /**
     * Streams every program's metadata in commit order in one forward pass, without loading code: one
     * query read through a cursor (fetch size 10,000), in its own read transaction with a long timeout, so
     * a resume of 10^6 programs neither pages nor meets the default transaction timeout.
     */
    public void forEachProgram(long runId, Consumer<ProgramMeta> sink) {
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            try (java.util.stream.Stream<Object[]> rows = em.createQuery(
                            "select p.seq, p.parentSeq, p.island, p.generation, p.step, p.valid, p.score, p.codeLength, p.normalizedHash "
                                    + "from ProgramEntity p where p.runId = :run order by p.seq", Object[].class)
                    .setParameter("run", runId)
                    .setHint("org.hibernate.fetchSize", 10_000)
                    .setHint("org.hibernate.readOnly", true)
                    .getResultStream()) {
                rows.forEach(r -> sink.accept(new ProgramMeta((Long) r[0], (Long) r[1], (Integer) r[2], (Integer) r[3], (Integer) r[4],
                        (Boolean) r[5], (Double) r[6], r[7] == null ? 0 : ((Number) r[7]).intValue(), (String) r[8])));
            }
        });
    }

    @Transactional
    public Parent parent(long runId, long seq) {
        ProgramEntity p = programs.bySeq(runId, seq);
        if (p == null) throw new IllegalStateException("run " + runId + " has no program " + seq);
        return new Parent(p.seq, p.code, p.score, readMetrics(p.metrics), p.feedback, readConstruction(p.construction));
    }

    @Transactional
    public ProgramView program(long runId, long seq) {
        return ProgramView.of(programs.bySeq(runId, seq));
    }

    @Transactional
    public int committedSteps(long runId) {
        Integer max = em.createQuery("select max(s.step) from StepEntity s where s.runId = :run", Integer.class)
                .setParameter("run", runId).getSingleResult();
        return max == null ? 0 : max;
    }

    /** A stored construction as JSON-decoded Lists of Numbers (the engine converts it to its array type); null when absent or unreadable. */
    private Object readConstruction(String text) {
        if (text == null) return null;
        try {
            return json.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public Map<String, Double> readMetrics(String text) {
        if (text == null) return Map.of();
        try {
            return json.readValue(text, METRICS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** Counts by status, straight from the tables (works while another process writes the run). */
    @Transactional
    public RunCounts counts(RunView run) {
        List<Object[]> rows = em.createQuery("select p.status, count(p) from ProgramEntity p where p.runId = :run group by p.status", Object[].class)
                .setParameter("run", run.id()).getResultList();
        Map<String, Long> byStatus = new TreeMap<>();
        long total = 0;
        for (Object[] r : rows) {
            byStatus.put((String) r[0], (Long) r[1]);
            total += (Long) r[1];
        }
        Map<String, Long> errors = new LinkedHashMap<>();
        for (ChildStatus s : ChildStatus.values()) {
            if (s.evaluated() && s != ChildStatus.VALID) errors.put(s.name(), byStatus.getOrDefault(s.name(), 0L));
        }
        errors.put(ChildStatus.TOO_LONG.name(), byStatus.getOrDefault(ChildStatus.TOO_LONG.name(), 0L));
        errors.put(ChildStatus.DUPLICATE.name(), byStatus.getOrDefault(ChildStatus.DUPLICATE.name(), 0L));
        errors.put(ChildStatus.SAMPLE_FAILED.name(), byStatus.getOrDefault(ChildStatus.SAMPLE_FAILED.name(), 0L));
        long distinct = em.createQuery("select count(distinct p.seq) from ProgramEntity p where p.runId = :run", Long.class)
                .setParameter("run", run.id()).getSingleResult();
        Integer steps = em.createQuery("select max(s.step) from StepEntity s where s.runId = :run", Integer.class)
                .setParameter("run", run.id()).getSingleResult();
        return new RunCounts(run.name(), total, byStatus.getOrDefault("VALID", 0L), byStatus.getOrDefault("LAZY", 0L),
                byStatus.getOrDefault("NO_DIFF", 0L), errors, steps == null ? 0 : steps, distinct, sampleFailures(run.id()));
    }

    /** A run's SAMPLE_FAILED children by cause (their summary reads {@code "sample failed: CAUSE"}). */
    @Transactional
    public Map<String, Long> sampleFailures(long runId) {
        List<Object[]> rows = em.createQuery("select p.summary, count(p) from ProgramEntity p where p.runId = :run and p.status = :status group by p.summary", Object[].class)
                .setParameter("run", runId).setParameter("status", ChildStatus.SAMPLE_FAILED.name()).getResultList();
        Map<String, Long> out = new TreeMap<>();
        for (Object[] r : rows) {
            String summary = r[0] == null ? "" : (String) r[0];
            String cause = summary.startsWith("sample failed: ") ? summary.substring("sample failed: ".length()) : "UNKNOWN";
            out.merge(cause, (Long) r[1], Long::sum);
        }
        return out;
    }

    /** The best valid program of a run (direction-aware), or null. */
    @Transactional
    public ProgramView best(RunView run) {
        if (run.bestProgram() == null) return null;
        return ProgramView.of(programs.bySeq(run.id(), run.bestProgram()));
    }

    /**
     * Our best so far on a problem: the best leaderboard entry, so only strictly re-verified constructions
     * count (runs' bests and submissions alike), never a tolerance-valid one. Null when there is none.
     */
    @Transactional
    public Double bestScore(String problem, dev.thetaevolve.problem.Direction direction) {
        String agg = direction == dev.thetaevolve.problem.Direction.MAXIMIZE ? "max" : "min";
        return em.createQuery("select " + agg + "(e.score) from LeaderboardEntryEntity e where e.problem = :problem", Double.class)
                .setParameter("problem", problem).getSingleResult();
    }
}
