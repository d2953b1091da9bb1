package dev.thetaevolve.database;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to non-negative {@code int} values that never boxes.
 *
 * <p>Linear probing over power-of-two tables kept at most half full, and backward-shift deletion, so there
 * are no tombstones and lookups never degrade after many removals. Twelve bytes per table entry, so about
 * 24 to 48 bytes per key. Not thread-safe. Iteration is deliberately not offered: nothing may depend on its
 * order.
 */
final class LongIntMap {
    static final int MISSING = -1;

    private long[] keys;
    /** value + 1; 0 marks an empty entry, so every long is a valid key. */
    private int[] values;
    private int mask;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    int get(long key) {
        for (int i = index(key); ; i = (i + 1) & mask) {
            int v = values[i];
            if (v == 0) return MISSING;
            if (keys[i] == key) return v - 1;
        }
    }

    /** Maps key to value (≥ 0), replacing any previous value. */
    void put(long key, int value) {
        if (value < 0) throw new IllegalArgumentException("value must be >= 0, got '" + value + "'");
        int i = index(key);
        for (; values[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value + 1;
                return;
            }
        }
        keys[i] = key;
        values[i] = value + 1;
        if (++size * 2 > keys.length) grow();
    }

    /** Removes key; returns its value or {@link #MISSING}. */
    int remove(long key) {
        int i = index(key);
        for (; ; i = (i + 1) & mask) {
            if (values[i] == 0) return MISSING;
            if (keys[i] == key) break;
        }
        int removed = values[i] - 1;
        size--;
        // Backward-shift: pull later entries of the same probe run into the hole.
        for (int hole = i, j = (i + 1) & mask; ; j = (j + 1) & mask) {
            if (values[j] == 0) {
                values[hole] = 0;
                return removed;
            }
            int home = index(keys[j]);
            // Entry j may move to the hole only if its home is not cyclically within (hole, j].
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
    }

    void clear() {
        Arrays.fill(values, 0);
        size = 0;
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] == 0) continue;
            int i = index(oldKeys[j]);
            while (values[i] != 0) i = (i + 1) & mask;
            keys[i] = oldKeys[j];
            values[i] = oldValues[j];
        }
    }
}
