package dev.thetaevolve.service;

import dev.thetaevolve.evolve.EngineConfig;
import dev.thetaevolve.llm.LlmSettings;
import dev.thetaevolve.problem.Mode;
import dev.thetaevolve.problem.ProblemCatalog;
import dev.thetaevolve.problem.ProblemSpec;
import dev.thetaevolve.rl.BridgeSettings;
import dev.thetaevolve.rl.RewardType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSettingsTest {

    private static RunSettings.Builder base() {
        return RunSettings.builder().problem("circle_packing_26");
    }

    @Test
    void build_nothingGiven_everyDefault() {
        RunSettings s = base().build();
        assertThat(s.mutator()).isEqualTo(MutatorKind.BUILTIN);
        assertThat(s.steps()).isEqualTo(RunSettings.DEFAULT_STEPS);
        assertThat(s.minutes()).isZero();
        assertThat(s.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(s.engine()).isEqualTo(EngineConfig.builder().build());
        assertThat(s.engine().parents()).isEqualTo(EngineConfig.DEFAULT_PARENTS);
        assertThat(s.engine().samples()).isEqualTo(EngineConfig.DEFAULT_SAMPLES);
        assertThat(s.reward()).isEqualTo(RewardType.RAW);
        assertThat(s.llmSelect()).isEqualTo(LlmSettings.Selection.WEIGHTED);
        assertThat(s.rlLearningRate()).isEqualTo(RunSettings.DEFAULT_RL_LEARNING_RATE);
        assertThat(s.llmMore()).isEmpty();
    }

    @Test
    void build_minutesOnly_noStepLimit() {
        RunSettings s = base().minutes(3.0).build();
        assertThat(s.steps()).isZero();
        assertThat(s.minutes()).isEqualTo(3.0);
    }

    @Test
    void build_llmWithoutEndpoint_takesTheConfiguredOne() {
        RunSettings s = base().mutator(MutatorKind.LLM).llmDefaults("http://vllm:8000/v1", "cp26").build();
        assertThat(s.llmUrl()).isEqualTo("http://vllm:8000/v1");
        assertThat(s.llmModel()).isEqualTo("cp26");
        assertThat(base().mutator(MutatorKind.LLM).llmUrl("http://a/v1").llmModel("x").llmDefaults("http://b/v1", "y").build().llmUrl())
                .as("a given endpoint wins").isEqualTo("http://a/v1");
    }

    static List<Arguments> refused() {
        return List.of(
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.steps(-1), IllegalArgumentException.class, "steps must be >= 0, got '-1'"),
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.minutes(-2.0), IllegalArgumentException.class, "minutes must be >= 0, got '-2.0'"),
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.steps(0), IllegalArgumentException.class, "a run needs a budget"),
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.workers(0), IllegalArgumentException.class, "workers must be >= 1, got '0'"),
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.parents(0), IllegalArgumentException.class, "parents must be >= 1, got '0'"),
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.rl(true).async(true), IllegalStateException.class, "--rl needs the step barrier"),
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.rl(true).mutator(MutatorKind.LLM).llmUrl("http://a/v1").llmModel("m"),
                        IllegalStateException.class, "--rl trains the built-in mutation policy"),
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.mutator(MutatorKind.LLM), IllegalStateException.class, "mutator llm needs an endpoint"),
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.mutator(MutatorKind.LLM).llmUrl("localhost:8000").llmModel("m"),
                        IllegalArgumentException.class, "llm.url must be an http(s) URL, got 'localhost:8000'"),
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.trainer(new RunSettings.Trainer("http://t/steps", BridgeSettings.Inference.NONE,
                        null, null, null, true)), IllegalStateException.class, "--trainer-url feeds a language model's trainer"),
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.mutator(MutatorKind.LLM).llmUrl("http://a/v1").llmModel("m")
                        .trainer(new RunSettings.Trainer("ftp://x", BridgeSettings.Inference.NONE, null, null, null, true)),
                        IllegalArgumentException.class, "trainer must be an http(s) URL, got 'ftp://x'"),
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.llmTokenBudget(-1), IllegalArgumentException.class, "llm token budget must be >= 0"),
                Arguments.of((UnaryOperator<RunSettings.Builder>) b -> b.rlLearningRate(-1.0), IllegalArgumentException.class, "rl learning rate must be > 0"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void build_badOrConflicting_refusedWithTheOptionNamed(UnaryOperator<RunSettings.Builder> change, Class<? extends Throwable> kind, String message) {
        assertThatThrownBy(() -> change.apply(base()).build()).isInstanceOf(kind).hasMessageContaining(message);
    }

    @Test
    void engineConfig_canonicalConstructor_checksToo() {
        assertThatThrownBy(() -> new EngineConfig(0, 1, 0, 0, 1, false, false, true, false, 0, 1, 1, 1, Mode.CONSTRUCT, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parents must be >= 1, got '0'");
        assertThatThrownBy(() -> new EngineConfig(1, 1, 0, 0, 1, false, false, true, false, 0, 1, 1, 1, null, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("mode must be construct or search, got 'null'");
        assertThatThrownBy(() -> new EngineConfig(1, 1, 0, 0, 1, false, false, true, false, 0, 1, 1, 1, Mode.SEARCH, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("searchBudgetMillis must be between 0 and 3600000, got '-1'");
    }

    private static ProblemSpec searchable() {
        return ProblemCatalog.open(Path.of("")).spec("circle_packing_26").orElseThrow();
    }

    private static ProblemSpec constructOnly() {
        ProblemSpec s = searchable();
        return new ProblemSpec(s.id(), s.title(), s.direction(), s.returnType(), s.timeLimitMillis(), s.defaultTolerance(), s.bestKnown(),
                s.shaping(), s.taskText(), s.seedFile());
    }

    @Test
    void build_problemWithASearchSeed_searchModeWithItsDefaults() {
        RunSettings s = base().forProblem(searchable()).build();
        assertThat(s.engine().mode()).isEqualTo(Mode.SEARCH);
        assertThat(s.engine().parents()).as("P of search mode").isEqualTo(4);
        assertThat(s.engine().samples()).as("K of search mode").isEqualTo(2);
        assertThat(s.engine().searchBudgetMillis()).as("0 = the problem's own (2 s for circle packing)").isZero();
        assertThat(searchable().searchBudgetMillis()).isEqualTo(2_000);
    }

    @Test
    void build_constructAsked_constructDefaults() {
        RunSettings s = base().forProblem(searchable()).mode(Mode.CONSTRUCT).build();
        assertThat(s.engine().mode()).isEqualTo(Mode.CONSTRUCT);
        assertThat(s.engine().parents()).isEqualTo(EngineConfig.DEFAULT_PARENTS);
        assertThat(s.engine().samples()).isEqualTo(EngineConfig.DEFAULT_SAMPLES);
        assertThat(base().forProblem(constructOnly()).build().engine().mode()).as("no search seed: construct").isEqualTo(Mode.CONSTRUCT);
    }

    @Test
    void build_searchWithGivenParentsAndBudget_givenValuesWin() {
        RunSettings s = base().forProblem(searchable()).parents(6).samples(3).searchBudgetMillis(500L).build();
        assertThat(s.engine().parents()).isEqualTo(6);
        assertThat(s.engine().samples()).isEqualTo(3);
        assertThat(s.engine().searchBudgetMillis()).isEqualTo(500);
    }

    @Test
    void build_modeTheProblemLacks_refusedNamingWhatItOffers() {
        assertThatThrownBy(() -> base().forProblem(constructOnly()).mode(Mode.SEARCH).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mode 'search' is not offered by problem circle_packing_26; it offers construct");
    }

    @Test
    void build_searchBudgetInConstructMode_refused() {
        assertThatThrownBy(() -> base().forProblem(searchable()).mode(Mode.CONSTRUCT).searchBudgetMillis(500L).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--search-budget-ms needs --mode search");
    }

    @Test
    void build_searchStarts_defaultGivenAndRefusedOutsideSearchOrOutOfRange() {
        assertThat(base().forProblem(searchable()).build().engine().searchStarts()).isEqualTo(EngineConfig.DEFAULT_SEARCH_STARTS);
        assertThat(base().forProblem(searchable()).searchStarts(9).build().engine().searchStarts()).isEqualTo(9);
        assertThatThrownBy(() -> base().forProblem(searchable()).mode(Mode.CONSTRUCT).searchStarts(2).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--search-starts needs --mode search");
        assertThatThrownBy(() -> base().forProblem(searchable()).searchStarts(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("searchStarts must be between 1 and 64, got '0'");
        assertThatThrownBy(() -> base().forProblem(searchable()).searchStarts(65).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got '65'");
    }

    @Test
    void build_wholeEngineGiven_keepsItsModeAndSizes() {
        EngineConfig stored = EngineConfig.builder().parents(3).samples(5).mode(Mode.SEARCH).searchBudgetMillis(700).build();
        RunSettings s = base().forProblem(searchable()).engine(stored).build();
        assertThat(s.engine()).isEqualTo(stored);
    }

    @Test
    void mutatorKind_parse_wordsOnly() {
        assertThat(MutatorKind.parse("LLM")).isEqualTo(MutatorKind.LLM);
        assertThat(MutatorKind.BUILTIN.word()).isEqualTo("builtin");
        assertThatThrownBy(() -> MutatorKind.parse("gpt")).hasMessage("mutator must be builtin or llm, got 'gpt'");
    }

    @Test
    void runNames_generated_passTheCheck() {
        String n = RunNames.generate("circle_packing_26");
        assertThat(RunNames.check(n)).startsWith("circle_packing_26-");
        assertThatThrownBy(() -> RunNames.check("bad name")).hasMessageContaining("got 'bad name'");
    }
}
