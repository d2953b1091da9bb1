package dev.thetaevolve.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.thetaevolve.evolve.EngineConfig;

/**
 * A run's settings as the store keeps them (the {@code config} column, JSON). Reading goes through the
 * builders ({@link RunSettings.Builder}, {@link EngineConfig.Builder}), never the canonical constructors:
 * a field that a later version adds is absent from older rows and reads as its default, not as 0 or
 * null; a field that a later version drops is ignored. Enums are written as lower-case words and read in
 * any case ("ucb", "vllm", "shaped", as 0.1.0 wrote them). Thread-safe.
 */
public final class StoredSettings {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addMixIn(EngineConfig.class, EngineConfigJson.class)
            .addMixIn(EngineConfig.Builder.class, EngineConfigBuilderJson.class)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoredSettings() {
    }

    public static String write(RunSettings settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run settings do not serialize: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @throws IllegalStateException naming the run when the text is not settings this version can read
     */
    public static RunSettings read(String runName, String json) {
        try {
            return JSON.readValue(json, RunSettings.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalStateException("run '" + runName + "' has an unreadable configuration: " + why, e);
        }
    }

    @JsonDeserialize(builder = EngineConfig.Builder.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    private abstract static class EngineConfigJson {
    }

    @JsonPOJOBuilder(withPrefix = "")
    private abstract static class EngineConfigBuilderJson {
    }
}
