package dev.thetaevolve.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What one run may ask for on this installation: parents P, samples K, children per step P × K, steps,
 * minutes and worker JVMs. Service settings ({@code thetaevolve.limits.*}, documented in the README),
 * enforced alike for REST (400) and the CLI (exit 2), each refusal naming the limit and its setting.
 * They keep a single request from taking the machine: a run of P = 10^9 grew the service to 6 GB.
 */
@ApplicationScoped
public class RunLimits {
    @ConfigProperty(name = "thetaevolve.limits.parents", defaultValue = "1024")
    int parents;
    @ConfigProperty(name = "thetaevolve.limits.samples", defaultValue = "256")
    int samples;
    @ConfigProperty(name = "thetaevolve.limits.children-per-step", defaultValue = "16384")
    int childrenPerStep;
    @ConfigProperty(name = "thetaevolve.limits.steps", defaultValue = "1000000")
    int steps;
    @ConfigProperty(name = "thetaevolve.limits.minutes", defaultValue = "43200")
    double minutes;
    @ConfigProperty(name = "thetaevolve.service.max-workers", defaultValue = "0")
    int workers;

    public RunLimits() {
    }

    RunLimits(int parents, int samples, int childrenPerStep, int steps, double minutes, int workers) {
        this.parents = parents;
        this.samples = samples;
        this.childrenPerStep = childrenPerStep;
        this.steps = steps;
        this.minutes = minutes;
        this.workers = workers;
    }

    /** The most worker JVMs one run may use ({@code thetaevolve.service.max-workers}; 0 = the cores). */
    public int maxWorkers() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Checks a run's settings (a new run, or a resume's extended budget).
     *
     * @param totalSteps the step the run would stop at (its target), 0 for none
     * @param totalMinutes the run's whole wall-clock allowance, 0 for none
     * @throws IllegalArgumentException naming the limit, its setting and the value asked for
     */
    public void check(int parentsAsked, int samplesAsked, int workersAsked, long totalSteps, double totalMinutes) {
        over("parents", parentsAsked, parents, "thetaevolve.limits.parents");
        over("samples", samplesAsked, samples, "thetaevolve.limits.samples");
        long children = (long) parentsAsked * samplesAsked;
        if (children > childrenPerStep) {
            throw new IllegalArgumentException("parents x samples must be <= " + childrenPerStep + " children per step (thetaevolve.limits.children-per-step), got "
                    + parentsAsked + " x " + samplesAsked + " = " + children);
        }
        over("workers", workersAsked, maxWorkers(), "thetaevolve.service.max-workers");
        over("steps", totalSteps, steps, "thetaevolve.limits.steps");
        if (!(totalMinutes <= minutes)) {
            throw new IllegalArgumentException("minutes must be <= " + fmt(minutes) + " (thetaevolve.limits.minutes), got '" + totalMinutes + "'");
        }
    }

    /** {@link #check(int, int, int, long, double)} of new settings. */
    public void check(RunSettings s) {
        check(s.engine().parents(), s.engine().samples(), s.workers(), s.steps(), s.minutes());
    }

    private static void over(String what, long asked, long limit, String setting) {
        if (asked > limit) throw new IllegalArgumentException(what + " must be <= " + limit + " (" + setting + "), got '" + asked + "'");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
