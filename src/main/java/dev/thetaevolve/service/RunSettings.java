package dev.thetaevolve.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import dev.thetaevolve.evolve.EngineConfig;
import dev.thetaevolve.llm.LlmSettings;
import dev.thetaevolve.problem.Mode;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.rl.BridgeSettings;
import dev.thetaevolve.rl.RewardType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a user asks of a run, as stored with it (JSON, see {@link StoredSettings}). The CLI's flags and the
 * REST body both become one through {@link #builder()}, which holds every default and every check that
 * spans fields. Never holds an API key: only the name of the environment variable that has it.
 *
 * @param steps          steps to run (0 = no step limit)
 * @param minutes        wall-clock budget (0 = none)
 * @param workers        worker JVMs for this run
 * @param rlLearningRate Adam's learning rate of the built-in policy (test-time RL)
 * @param evaluators     where candidates are evaluated: null for the service's default ({@code thetaevolve.evaluators}),
 *                       {@code local} for this machine's worker JVMs, or {@code amqp://host[:port][/vhost][?queue=NAME]}
 *                       for evaluator processes behind a RabbitMQ broker (never with credentials: this is stored)
 */
@JsonDeserialize(builder = RunSettings.Builder.class)
public record RunSettings(String problem, MutatorKind mutator, int steps, double minutes, int workers, EngineConfig engine,
                          String llmUrl, String llmModel, String llmKeyEnv, boolean llmNoN, long llmTokenBudget,
                          boolean rl, RewardType reward, double rlLearningRate, Trainer trainer,
                          List<String> llmMore, LlmSettings.Selection llmSelect, String evaluators, LlmLimits llmLimits) {
    /** Steps of a run that names neither steps nor minutes. */
    public static final int DEFAULT_STEPS = 10;
    public static final double DEFAULT_RL_LEARNING_RATE = 1e-2;
    /** The vLLM LoRA adapter name of a trainer bridge ({step} is replaced). */
    public static final String DEFAULT_ADAPTER = "thetaevolve-{step}";

    /**
     * How long an LLM run waits and how many failures it takes (null fields: the defaults of
     * {@link dev.thetaevolve.llm.LlmSettings}).
     *
     * @param timeout      per request ("300", "90s", "5m"; default 5 minutes), --llm-timeout
     * @param maxFailures  requests in a row that may fail before the run stops FAILED (default 64, 0 = never),
     *                     --llm-max-failures
     * @param maxRetryWait the longest Retry-After honoured (default 2 minutes), --llm-max-retry-wait
     */
    public record LlmLimits(String timeout, Integer maxFailures, String maxRetryWait) {
        public LlmLimits {
            if (timeout != null) dev.thetaevolve.llm.LlmSettings.parseDuration("llm timeout", timeout);
            if (maxRetryWait != null) dev.thetaevolve.llm.LlmSettings.parseDuration("llm max retry wait", maxRetryWait);
            if (maxFailures != null && maxFailures < 0) {
                throw new IllegalArgumentException("llm max failures must be >= 0 (0 = never give up), got '" + maxFailures + "'");
            }
        }

        public boolean isEmpty() {
            return timeout == null && maxFailures == null && maxRetryWait == null;
        }
    }

    /**
     * The trainer bridge of an LLM run (test-time RL for model weights): where the step's GRPO groups are
     * POSTed, and which inference server reloads the new weights.
     *
     * @param waitWeights whether the next step waits for the reload (on-policy) or goes on
     */
    public record Trainer(String url, BridgeSettings.Inference reload, String reloadUrl, String adapter, String weightsPath, boolean waitWeights,
                          Integer keepAdapters) {
        public Trainer(String url, BridgeSettings.Inference reload, String reloadUrl, String adapter, String weightsPath, boolean waitWeights) {
            this(url, reload, reloadUrl, adapter, weightsPath, waitWeights, null);
        }

        public Trainer {
            if (reload == null) reload = BridgeSettings.Inference.NONE;
        }
    }

    /** The checks that hold for any value, stored ones included; the builder adds those of a new run. */
    public RunSettings {
        if (problem == null) throw new IllegalArgumentException("problem is required");
        if (mutator == null) throw new IllegalArgumentException("mutator is required");
        if (engine == null) throw new IllegalArgumentException("engine is required");
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got '" + steps + "'");
        if (!(minutes >= 0)) throw new IllegalArgumentException("minutes must be >= 0, got '" + minutes + "'");
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got '" + workers + "'");
        if (llmTokenBudget < 0) throw new IllegalArgumentException("llm token budget must be >= 0, got '" + llmTokenBudget + "'");
        if (!(rlLearningRate > 0) || Double.isInfinite(rlLearningRate)) {
            throw new IllegalArgumentException("rl learning rate must be > 0, got '" + rlLearningRate + "'");
        }
        if (reward == null) reward = RewardType.RAW;
        if (llmSelect == null) llmSelect = LlmSettings.Selection.WEIGHTED;
        llmMore = llmMore == null ? List.of() : List.copyOf(llmMore);
        if (evaluators != null && !evaluators.equals("local")) dev.thetaevolve.remote.BrokerAddress.parseForStorage(evaluators);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A run of the built-in mutator with every LLM and RL option off. */
    public static RunSettings builtin(String problem, int steps, double minutes, int workers, EngineConfig engine) {
        return builder().problem(problem).steps(steps).minutes(minutes).workers(workers).engine(engine).build();
    }

    /** The same settings with a new budget (resume). */
    public RunSettings withBudget(int newSteps, double newMinutes) {
        return new RunSettings(problem, mutator, newSteps, newMinutes, workers, engine, llmUrl, llmModel, llmKeyEnv, llmNoN, llmTokenBudget,
                rl, reward, rlLearningRate, trainer, llmMore, llmSelect, evaluators, llmLimits);
    }

    /** The trainer bridge's settings for run {@code runName}, or null when the run has none. */
    public BridgeSettings bridgeSettings(String runName) {
        if (trainer == null) return null;
        BridgeSettings.Builder b = BridgeSettings.builder().run(runName).trainer(trainer.url()).inference(trainer.reload())
                .waitForWeights(trainer.waitWeights());
        if (trainer.reloadUrl() != null) b.inferenceUrl(trainer.reloadUrl());
        if (trainer.adapter() != null) b.adapterName(trainer.adapter());
        if (trainer.weightsPath() != null) b.weightsPath(trainer.weightsPath());
        if (trainer.keepAdapters() != null) b.keepAdapters(trainer.keepAdapters());
        return b.build();
    }

    /**
     * Settings of a new run. Absent values take the defaults: mutator builtin; steps {@value #DEFAULT_STEPS}
     * unless minutes are given; the engine's own defaults ({@link EngineConfig.Builder}); the problem's
     * tolerance and mode ({@link #forProblem(ProblemSpec)}); P and K of the mode
     * ({@link EngineConfig#defaultParents}: 32 x 16 in construct mode, 4 x 2 in search mode, where each child
     * runs the problem's search budget, 2 s for circle packing); workers = cores; the configured LLM endpoint
     * ({@link #llmDefaults}). Also reads stored settings (JSON), so a field added later reads as its default.
     * {@link #build()} throws IllegalArgumentException for a bad value and IllegalStateException for
     * options that conflict, each naming the option and quoting the value.
     */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private String problem;
        private Double defaultTolerance;
        private MutatorKind mutator = MutatorKind.BUILTIN;
        private Integer steps;
        private Double minutes;
        private Integer workers;
        private EngineConfig.Builder engine = EngineConfig.builder();
        private boolean toleranceSet;
        private Mode mode;
        private Mode defaultMode;
        private Set<Mode> modes;
        private boolean parentsSet;
        private boolean samplesSet;
        private boolean searchBudgetSet;
        private boolean searchStartsSet;
        private String llmUrl;
        private String llmModel;
        private String defaultLlmUrl;
        private String defaultLlmModel;
        private String llmKeyEnv;
        private boolean llmNoN;
        private long llmTokenBudget;
        private boolean rl;
        private RewardType reward = RewardType.RAW;
        private double rlLearningRate = DEFAULT_RL_LEARNING_RATE;
        private Trainer trainer;
        private List<String> llmMore = new ArrayList<>();
        private LlmSettings.Selection llmSelect = LlmSettings.Selection.WEIGHTED;
        private String evaluators;
        private LlmLimits llmLimits;

        private Builder() {
        }

        public Builder problem(String id) { problem = id; return this; }

        /** The problem, whose tolerance is the run's unless {@link #tolerance} says otherwise. */
        @JsonIgnore
        public Builder forProblem(ProblemSpec spec) {
            problem = spec.id();
            defaultTolerance = spec.defaultTolerance();
            defaultMode = spec.defaultMode();
            modes = spec.modes();
            return this;
        }

        public Builder mutator(MutatorKind v) { if (v != null) mutator = v; return this; }
        /** Null: the default (steps {@value #DEFAULT_STEPS} when minutes are absent too, else no step limit). */
        public Builder steps(Integer v) { steps = v; return this; }
        public Builder minutes(Double v) { minutes = v; return this; }
        public Builder workers(Integer v) { workers = v; return this; }

        /** A whole engine configuration (its tolerance included); the engine setters below then change it. */
        public Builder engine(EngineConfig v) {
            engine = v.toBuilder();
            toleranceSet = parentsSet = samplesSet = true;
            mode = v.mode();
            return this;
        }

        @JsonIgnore
        public Builder parents(Integer v) {
            if (v != null) {
                engine.parents(v);
                parentsSet = true;
            }
            return this;
        }

        @JsonIgnore
        public Builder samples(Integer v) {
            if (v != null) {
                engine.samples(v);
                samplesSet = true;
            }
            return this;
        }

        /** Null: the problem's default mode (search where it has a search seed), else construct. */
        @JsonIgnore public Builder mode(Mode v) { if (v != null) mode = v; return this; }

        /** Search mode: each child's harness budget in ms; null: the problem's own ({@code searchBudgetMillis}). */
        @JsonIgnore
        public Builder searchBudgetMillis(Long v) {
            if (v != null) {
                engine.searchBudgetMillis(v);
                searchBudgetSet = true;
            }
            return this;
        }
        /** Search mode: cold starts of the seed program at step 0; null: {@link EngineConfig#DEFAULT_SEARCH_STARTS}. */
        @JsonIgnore
        public Builder searchStarts(Integer v) {
            if (v != null) {
                engine.searchStarts(v);
                searchStartsSet = true;
            }
            return this;
        }
        @JsonIgnore public Builder seed(Long v) { if (v != null) engine.seed(v); return this; }
        @JsonIgnore public Builder async(Boolean v) { if (v != null) engine.async(v); return this; }
        @JsonIgnore public Builder lazyLevel2(Boolean v) { if (v != null) engine.lazyLevel2(v); return this; }

        @JsonIgnore
        public Builder tolerance(Double v) {
            if (v != null) {
                engine.tolerance(v);
                toleranceSet = true;
            }
            return this;
        }

        public Builder llmUrl(String v) { llmUrl = v; return this; }
        public Builder llmModel(String v) { llmModel = v; return this; }

        /** The endpoint an LLM run uses when it names none (thetaevolve.llm.url / .model); blank = none. */
        @JsonIgnore
        public Builder llmDefaults(String url, String model) {
            defaultLlmUrl = blankToNull(url);
            defaultLlmModel = blankToNull(model);
            return this;
        }

        public Builder llmKeyEnv(String v) { llmKeyEnv = v; return this; }
        public Builder llmNoN(boolean v) { llmNoN = v; return this; }
        public Builder llmTokenBudget(long v) { llmTokenBudget = v; return this; }
        public Builder rl(boolean v) { rl = v; return this; }
        /** Null: raw. */
        public Builder reward(RewardType v) { if (v != null) reward = v; return this; }
        /** 0 or null: {@value #DEFAULT_RL_LEARNING_RATE} (stored 0.1.0 settings wrote 0 for "the default"). */
        public Builder rlLearningRate(Double v) { if (v != null && v != 0) rlLearningRate = v; return this; }
        public Builder trainer(Trainer v) { trainer = v; return this; }
        public Builder llmMore(List<String> v) { llmMore = v == null ? new ArrayList<>() : new ArrayList<>(v); return this; }
        /** Null: weighted. */
        public Builder llmSelect(LlmSettings.Selection v) { if (v != null) llmSelect = v; return this; }
        /** Null or blank: the service's default (thetaevolve.evaluators, else local worker JVMs). */
        public Builder evaluators(String v) { evaluators = blankToNull(v); return this; }
        /** Null or empty: the defaults of {@link LlmSettings}. */
        public Builder llmLimits(LlmLimits v) { llmLimits = v == null || v.isEmpty() ? null : v; return this; }

        public RunSettings build() {
            if (problem == null) throw new IllegalArgumentException("problem is required");
            if (steps != null && steps < 0) throw new IllegalArgumentException("steps must be >= 0, got '" + steps + "'");
            if (minutes != null && !(minutes >= 0)) throw new IllegalArgumentException("minutes must be >= 0, got '" + minutes + "'");
            int s = steps != null ? steps : (minutes != null ? 0 : DEFAULT_STEPS);
            double m = minutes == null ? 0 : minutes;
            if (s == 0 && m == 0) throw new IllegalArgumentException("give steps > 0 or minutes > 0: a run needs a budget");
            if (!toleranceSet && defaultTolerance != null) engine.tolerance(defaultTolerance);
            Mode md = mode != null ? mode : defaultMode != null ? defaultMode : Mode.CONSTRUCT;
            if (modes != null && !modes.contains(md)) {
                throw new IllegalArgumentException("mode '" + md.word() + "' is not offered by problem " + problem + "; it offers "
                        + String.join(",", modes.stream().map(Mode::word).sorted().toList()));
            }
            if (searchBudgetSet && md != Mode.SEARCH) {
                throw new IllegalStateException("--search-budget-ms needs --mode search (REST: searchBudgetMillis needs mode search)");
            }
            if (searchStartsSet && md != Mode.SEARCH) {
                throw new IllegalStateException("--search-starts needs --mode search (REST: searchStarts needs mode search)");
            }
            engine.mode(md);
            if (!parentsSet) engine.parents(EngineConfig.defaultParents(md));
            if (!samplesSet) engine.samples(EngineConfig.defaultSamples(md));
            EngineConfig e = engine.build();
            String url = llmUrl, model = llmModel;
            if (mutator == MutatorKind.LLM) {
                if (url == null) url = defaultLlmUrl;
                if (model == null) model = defaultLlmModel;
                if (url == null || model == null) {
                    throw new IllegalStateException("mutator llm needs an endpoint: --llm-url and --llm-model (REST: llm.url and llm.model; "
                            + "service default: thetaevolve.llm.url and thetaevolve.llm.model)");
                }
            }
            if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("llm.url must be an http(s) URL, got '" + url + "'");
            }
            if (rl && mutator != MutatorKind.BUILTIN) {
                throw new IllegalStateException("--rl trains the built-in mutation policy; for a language model use the trainer bridge");
            }
            if (rl && e.async()) throw new IllegalStateException("--rl needs the step barrier; drop --async (REST: rl needs async false)");
            if (trainer != null && mutator != MutatorKind.LLM) {
                throw new IllegalStateException("--trainer-url feeds a language model's trainer; it needs --mutator llm");
            }
            RunSettings out = new RunSettings(problem, mutator, s, m, workers == null ? Runtime.getRuntime().availableProcessors() : workers, e,
                    url, model, llmKeyEnv, llmNoN, llmTokenBudget, rl, reward, rlLearningRate, trainer, llmMore, llmSelect, evaluators, llmLimits);
            out.bridgeSettings("check"); // the trainer's URLs fail here, before the run exists
            return out;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
