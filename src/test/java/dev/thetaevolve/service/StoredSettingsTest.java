package dev.thetaevolve.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thetaevolve.evolve.EngineConfig;
import dev.thetaevolve.llm.LlmSettings;
import dev.thetaevolve.problem.Mode;
import dev.thetaevolve.rl.BridgeSettings;
import dev.thetaevolve.rl.RewardType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredSettingsTest {
    /** The config column of the run in src/test/resources/upgrade (written by 0.1.0), verbatim. */
    static final String STORED_010 = """
            {"problem":"circle_packing_26","mutator":"builtin","steps":1,"minutes":0.0,"workers":1,"engine":{"parents":2,"samples":2,\
            "seed":3,"tolerance":0.0,"maxCodeChars":50000,"lazyLevel2":false,"allowOutsideBlock":false,"fullRewrite":true,"async":false,\
            "inspirations":2,"islands":10,"populationCap":10000,"archiveSize":1000},"llmUrl":null,"llmModel":null,"llmKeyEnv":null,\
            "llmNoN":false,"llmTokenBudget":0,"rl":false,"reward":null,"rlLearningRate":0.0,"trainer":null,"llmMore":[],"llmSelect":null}""";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void read_010Row_sameAsTheBuilderMakesToday() {
        RunSettings read = StoredSettings.read("old", STORED_010);
        RunSettings today = RunSettings.builtin("circle_packing_26", 1, 0, 1, EngineConfig.builder().parents(2).samples(2).seed(3).build());
        assertThat(read).isEqualTo(today);
        assertThat(read.reward()).isEqualTo(RewardType.RAW);
        assertThat(read.rlLearningRate()).as("0.1.0 wrote 0 for the default").isEqualTo(RunSettings.DEFAULT_RL_LEARNING_RATE);
        assertThat(read.llmSelect()).isEqualTo(LlmSettings.Selection.WEIGHTED);
    }

    @Test
    void read_rowWithoutFieldsAddedLater_readsTheirDefaults() throws Exception {
        ObjectNode row = (ObjectNode) json.readTree(STORED_010);
        ((ObjectNode) row.get("engine")).remove(List.of("islands", "archiveSize", "populationCap", "inspirations", "fullRewrite"));
        row.remove(List.of("llmMore", "llmSelect", "rlLearningRate", "llmTokenBudget"));
        RunSettings read = StoredSettings.read("old", json.writeValueAsString(row));
        EngineConfig defaults = EngineConfig.builder().build();
        assertThat(read.engine().islands()).as("not 0").isEqualTo(defaults.islands());
        assertThat(read.engine().archiveSize()).isEqualTo(defaults.archiveSize());
        assertThat(read.engine().populationCap()).isEqualTo(defaults.populationCap());
        assertThat(read.engine().inspirations()).isEqualTo(defaults.inspirations());
        assertThat(read.engine().fullRewrite()).isTrue();
        assertThat(read.engine().parents()).isEqualTo(2);
        assertThat(read.llmMore()).isEmpty();
        assertThat(read.rlLearningRate()).isEqualTo(RunSettings.DEFAULT_RL_LEARNING_RATE);
    }

    @Test
    void read_rowFromBeforeSearchModeEvaluatorsAndLimits_readsTheirDefaults() {
        assertThat(STORED_010).doesNotContain("mode", "searchBudgetMillis", "searchStarts", "evaluators", "llmLimits");
        RunSettings read = StoredSettings.read("old", STORED_010);
        assertThat(read.engine().mode()).as("runs before search mode were construct runs").isEqualTo(Mode.CONSTRUCT);
        assertThat(read.engine().searchBudgetMillis()).isZero();
        assertThat(read.engine().searchStarts()).as("a row without it reads the default").isEqualTo(EngineConfig.DEFAULT_SEARCH_STARTS);
        assertThat(read.engine().parents()).as("the stored P, not search mode's default").isEqualTo(2);
        assertThat(read.evaluators()).as("the service's default").isNull();
        assertThat(read.llmLimits()).isNull();
        assertThat(StoredSettings.read("again", StoredSettings.write(read))).isEqualTo(read);
    }

    @Test
    void writeThenRead_searchRun_roundTrips() {
        RunSettings s = RunSettings.builder().problem("circle_packing_26").steps(2).workers(1).mode(Mode.SEARCH).searchBudgetMillis(750L).searchStarts(6)
                .evaluators("amqp://broker:5672/?queue=jobs").build();
        String text = StoredSettings.write(s);
        assertThat(text).contains("\"mode\":\"search\"", "\"searchBudgetMillis\":750", "\"searchStarts\":6");
        RunSettings read = StoredSettings.read("x", text);
        assertThat(read).isEqualTo(s);
        assertThat(read.engine().parents()).isEqualTo(4);
    }

    @Test
    void read_rowWithAFieldThisVersionDoesNotKnow_ignoresIt() throws Exception {
        ObjectNode row = (ObjectNode) json.readTree(STORED_010);
        row.put("someFutureSetting", 7);
        ((ObjectNode) row.get("engine")).put("anotherOne", "x");
        assertThat(StoredSettings.read("new", json.writeValueAsString(row)).engine().parents()).isEqualTo(2);
    }

    @Test
    void writeThenRead_everyFieldSet_roundTrips() {
        RunSettings s = RunSettings.builder().problem("circle_packing_26").mutator(MutatorKind.LLM).steps(3).minutes(2.5).workers(2)
                .parents(4).samples(3).seed(9L).tolerance(1e-6).lazyLevel2(true)
                .llmUrl("http://127.0.0.1:8000/v1").llmModel("m").llmKeyEnv("KEY").llmNoN(true).llmTokenBudget(1000)
                .reward(RewardType.SHAPED).llmMore(List.of("http://h:1/v1,m2,2")).llmSelect(LlmSettings.Selection.UCB)
                .trainer(new RunSettings.Trainer("http://t:1/steps", BridgeSettings.Inference.VLLM, "http://v:1", "a-{step}", "/w/{step}", false))
                .build();
        String text = StoredSettings.write(s);
        assertThat(text).contains("\"mutator\":\"llm\"", "\"reward\":\"shaped\"", "\"llmSelect\":\"ucb\"", "\"reload\":\"vllm\"");
        assertThat(StoredSettings.read("x", text)).isEqualTo(s);
    }

    @Test
    void read_notSettings_namesTheRun() {
        assertThatThrownBy(() -> StoredSettings.read("broken", "{\"problem\":\"p\",\"mutator\":\"gpt\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("run 'broken' has an unreadable configuration");
    }
}
