package dev.thetaevolve.rl;

import dev.thetaevolve.evolve.StepObserver;
import dev.thetaevolve.mutate.Parent;
import dev.thetaevolve.problem.Direction;
import dev.thetaevolve.problem.ProblemSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the built-in policy conditions on, and the run state it needs, learned from committed steps only
 * (so a step's choices all see the same state). The {@value #COUNT} features, each in about [0, 1]:
 * <ol start="0">
 *   <li>bias (1);</li>
 *   <li>the parent's score within the problem's shaping bounds, t = (clamp(x,A,B)−A)/(B−A) (reversed when
 *       minimizing); 0 without a score;</li>
 *   <li>its relative gap to the run's best, ×100, clipped to [0, 1];</li>
 *   <li>code length, log(1 + chars)/10;</li>
 *   <li>generation g, as g/(g + 10);</li>
 *   <li>recent success: (improving children + 0.5)/(children + 1) over the parent's committed children;</li>
 *   <li>how often it was a parent: children/(children + 16);</li>
 *   <li>step fraction: step/plannedSteps (0 when the plan is unknown);</li>
 *   <li>the valid rate of the last committed step (0.5 before the first).</li>
 * </ol>
 * Thread-safe. After a resume the state rebuilds from the steps committed since.
 */
public final class PolicyFeatures {
    public static final int COUNT = 9;

    private final ProblemSpec spec;
    private final int plannedSteps;
    private final Map<Long, Integer> generations = new HashMap<>();
    private final Map<Long, int[]> offspring = new HashMap<>(); // id -> {children, improving}
    private Double best;
    private int step;
    private double validRate = 0.5;

    public PolicyFeatures(ProblemSpec spec, int plannedSteps) {
        this.spec = spec;
        this.plannedSteps = plannedSteps;
    }

    /** The feature vector of {@code parent} now. */
    public synchronized double[] of(Parent parent) {
        double[] f = new double[COUNT];
        f[0] = 1;
        Double s = parent.score();
        if (s != null && spec.shaping() != null) {
            double a = spec.shaping().a(), b = spec.shaping().b();
            double c = Math.max(a, Math.min(b, s));
            f[1] = spec.direction() == Direction.MAXIMIZE ? (c - a) / (b - a) : (b - c) / (b - a);
        }
        if (s != null && best != null && best != 0) {
            double gap = (spec.direction() == Direction.MAXIMIZE ? best - s : s - best) / Math.abs(best);
            f[2] = Math.max(0, Math.min(1, gap * 100));
        }
        f[3] = Math.log1p(parent.code().length()) / 10;
        int g = generations.getOrDefault(parent.id(), 0);
        f[4] = g / (g + 10.0);
        int[] o = offspring.getOrDefault(parent.id(), new int[2]);
        f[5] = (o[1] + 0.5) / (o[0] + 1.0);
        f[6] = o[0] / (o[0] + 16.0);
        f[7] = plannedSteps > 0 ? Math.min(1, step / (double) plannedSteps) : 0;
        f[8] = validRate;
        return f;
    }

    /** Learns from one committed step. */
    public synchronized void record(int stepNo, List<StepObserver.Child> children) {
        int valid = 0;
        for (StepObserver.Child c : children) {
            var r = c.record();
            generations.put(r.id(), r.generation());
            int[] o = offspring.computeIfAbsent(r.parentId(), k -> new int[2]);
            o[0]++;
            Double ps = c.parent().score();
            if (r.valid()) {
                valid++;
                if (ps == null || spec.direction().better(r.score(), ps)) o[1]++;
                if (best == null || spec.direction().better(r.score(), best)) best = r.score();
            }
            if (ps != null && (best == null || spec.direction().better(ps, best))) best = ps;
        }
        step = stepNo;
        if (!children.isEmpty()) validRate = valid / (double) children.size();
    }
}
