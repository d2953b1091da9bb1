package dev.thetaevolve.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.evaluate.Evaluator;
import dev.thetaevolve.evolve.Engine;
import dev.thetaevolve.evolve.StepSummary;
import dev.thetaevolve.mutate.Mutator;
import dev.thetaevolve.problem.Problem;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.rl.BridgeSettings;
import dev.thetaevolve.rl.GrpoLearner;
import dev.thetaevolve.rl.RewardFunction;
import dev.thetaevolve.rl.Rollouts;
import dev.thetaevolve.rl.TrainerBridge;
import dev.thetaevolve.rl.RewardType;
import dev.thetaevolve.rl.RlSettings;
import dev.thetaevolve.store.PanacheRunStore;
import dev.thetaevolve.store.RolloutStore;
import dev.thetaevolve.store.RunEntity;
import dev.thetaevolve.store.StoreService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Run lifecycles shared by the CLI and the REST API: create a run, drive it to its budget, resume it.
 * Driving happens on the caller's thread.
 */
@ApplicationScoped
public class RunService {

    /** Told after every committed step; may be called from the driving thread only. */
    public interface Listener {
        void onStep(StepSummary step, Engine engine);
    }

    @Inject
    StoreService store;
    @Inject
    ProblemCatalog catalog;
    @Inject
    ObjectMapper json;
    @Inject
    Components components;
    @Inject
    RolloutStore rollouts;

    /**
     * Creates a run row for new settings.
     *
     * @throws IllegalArgumentException for an unknown problem
     * @throws IllegalStateException    when the name is taken
     */
    public RunEntity create(String name, RunSettings settings) {
        catalog.problem(settings.problem()); // fails fast on an unknown problem
        return store.createRun(name, settings.problem(), settings.mutator(), write(settings), settings.engine().seed());
    }

    public RunSettings settings(RunEntity run) {
        try {
            return json.readValue(run.config, RunSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run '" + run.name + "' has an unreadable configuration: " + e.getOriginalMessage(), e);
        }
    }

    private String write(RunSettings s) {
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Drives a run until its budget (steps and/or minutes, counted from now) is spent or a stop is asked
     * for. Starts from the seed when nothing is committed, else resumes after the last committed step.
     */
    public Engine drive(RunEntity run, RunSettings budget, Listener listener, java.util.function.Consumer<Engine> onEngine) {
        Problem problem = catalog.problem(run.problem);
        PanacheRunStore runStore = new PanacheRunStore(store, run.id);
        store.setStatus(run.id, "RUNNING", null);
        long deadline = budget.minutes() > 0 ? System.nanoTime() + (long) (budget.minutes() * 60e9) : Long.MAX_VALUE;
        // test-time RL: the learner restores its policy from the run's newest checkpoint, so resume keeps it
        GrpoLearner learner = budget.rl() ? GrpoLearner.create(problem.spec(), RlSettings.builder()
                .reward(RewardType.parse(budget.reward() == null ? "raw" : budget.reward()))
                .learningRate(budget.rlLearningRate() > 0 ? budget.rlLearningRate() : 1e-2)
                .policySeed(budget.engine().seed())
                .plannedSteps(budget.steps())
                .build(), rollouts.sink(run.id)) : null;
        BridgeSettings bridge = Components.bridgeSettings(budget, run.name);
        TrainerBridge trainer = bridge == null ? null : new TrainerBridge(bridge,
                RewardFunction.of(RewardType.parse(budget.reward() == null ? "raw" : budget.reward()), problem.spec()), Rollouts.completions());
        try (Evaluator evaluator = components.evaluator(budget.workers());
             Mutator mutator = components.mutator(budget, learner == null ? null : learner.policy())) {
            boolean fresh = store.run(run.id).programs == 0;
            Engine engine = fresh
                    ? Engine.start(problem, budget.engine(), evaluator, mutator, runStore, System::nanoTime)
                    : Engine.resume(problem, budget.engine(), evaluator, mutator, runStore, System::nanoTime);
            if (learner != null) engine.observe(learner);
            if (trainer != null) engine.observe(trainer);
            if (onEngine != null) onEngine.accept(engine);
            if (budget.engine().async()) {
                engine.runAsync(budget.steps(), deadline, s -> {
                    if (listener != null) listener.onStep(s, engine);
                });
            } else {
                int done = 0;
                while (!engine.stopRequested() && (budget.steps() == 0 || done < budget.steps()) && System.nanoTime() < deadline) {
                    StepSummary s = engine.step();
                    done++;
                    if (listener != null) listener.onStep(s, engine);
                }
            }
            if (engine.budgetExhausted()) store.setStatus(run.id, "BUDGET_EXHAUSTED", "the LLM token or cost budget is spent");
            else store.setStatus(run.id, engine.stopRequested() ? "STOPPED" : "FINISHED", null);
            return engine;
        } catch (RuntimeException e) {
            store.setStatus(run.id, "FAILED", String.valueOf(e.getMessage()));
            throw e;
        } finally {
            if (trainer != null) trainer.close();
        }
    }
}
