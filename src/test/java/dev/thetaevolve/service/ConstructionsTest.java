package dev.thetaevolve.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConstructionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String hash(String json) throws Exception {
        return Constructions.hash(JSON.readValue(json, Object.class));
    }

    @Test
    void sameNumbersWrittenDifferently_sameHash() throws Exception {
        assertThat(hash("[[0.5, 1, 2e-3]]")).isEqualTo(hash("[ [5e-1, 1.0, 0.002] ]"));
        assertThat(hash("{\"b\": [1], \"a\": 2}")).isEqualTo(hash("{\"a\":2.0,\"b\":[1e0]}"));
        assertThat(Constructions.hash(new double[][]{{0.5, 1}})).isEqualTo(hash("[[0.5,1]]"));
    }

    @Test
    void differentConstructions_differentHashes() throws Exception {
        assertThat(hash("[[0.5, 1]]")).isNotEqualTo(hash("[[1, 0.5]]"));
        assertThat(hash("[[0.1]]")).isNotEqualTo(hash("[[0.10000000000000002]]"));
        assertThat(hash("[[1]]")).isNotEqualTo(hash("[[\"1\"]]"));
    }

    @Test
    void bigIntegers_keepEveryDigit() throws Exception {
        ObjectMapper exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
        Object a = exact.readValue("[9007199254740993]", Object.class);
        Object b = exact.readValue("[9007199254740992]", Object.class);
        assertThat(Constructions.hash(a)).isNotEqualTo(Constructions.hash(b));
        assertThat(Constructions.normalized(a)).isEqualTo("[9007199254740993]");
    }
}
