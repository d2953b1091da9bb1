package dev.thetaevolve.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 1L << 32, 1L << 40, -7})
    void randomOps_matchHashMap(long stride) {
        LongIntMap map = new LongIntMap(4);
        Map<Long, Integer> model = new HashMap<>();
        SplittableRandom rng = new SplittableRandom(stride);
        for (int op = 0; op < 200_000; op++) {
            long key = rng.nextInt(5_000) * stride;
            int action = rng.nextInt(3);
            if (action == 0) {
                int v = rng.nextInt(1_000_000);
                map.put(key, v);
                model.put(key, v);
            } else if (action == 1) {
                Integer expected = model.remove(key);
                assertThat(map.remove(key)).isEqualTo(expected == null ? LongIntMap.MISSING : expected);
            } else {
                Integer expected = model.get(key);
                assertThat(map.get(key)).isEqualTo(expected == null ? LongIntMap.MISSING : expected);
            }
            assertThat(map.size()).isEqualTo(model.size());
        }
        model.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
    }

    @Test
    void put_extremeKeys_areDistinct() {
        LongIntMap map = new LongIntMap(2);
        map.put(Long.MIN_VALUE, 1);
        map.put(Long.MAX_VALUE, 2);
        map.put(0, 3);
        assertThat(map.get(Long.MIN_VALUE)).isEqualTo(1);
        assertThat(map.get(Long.MAX_VALUE)).isEqualTo(2);
        assertThat(map.get(0)).isEqualTo(3);
        assertThat(map.get(5)).isEqualTo(LongIntMap.MISSING);
    }

    @Test
    void put_negativeValue_isRejected() {
        assertThatThrownBy(() -> new LongIntMap(4).put(1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'-1'");
    }

    @Test
    void clear_emptiesMap() {
        LongIntMap map = new LongIntMap(4);
        for (int i = 0; i < 100; i++) map.put(i, i);
        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.get(3)).isEqualTo(LongIntMap.MISSING);
    }
}
