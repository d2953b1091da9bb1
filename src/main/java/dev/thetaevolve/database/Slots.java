package dev.thetaevolve.database;

import java.util.Arrays;

/**
 * The program records of the index, struct-of-arrays: one slot per live program holding its id, fitness,
 * code length, grid cell, first island membership and archive flag (29 bytes), plus the id→slot map.
 *
 * <p>Slots are recycled through a LIFO free list, so the slot a program gets depends only on the sequence of
 * adds and evictions. The rank order defined by {@link #above} (higher fitness first, then lower id) is a
 * total order over live programs and decides every comparison in the database.
 */
final class Slots {
    private static final int INITIAL = 1024;

    long[] ids;
    double[] fitness;
    int[] codeLength;
    int[] cell;
    int[] firstMembership;
    boolean[] archived;

    private final int maxSlots;
    private final LongIntMap index;
    private final IntList free = new IntList(16);
    private int highWater;

    Slots(int maxSlots) {
        this.maxSlots = maxSlots;
        int capacity = Math.min(maxSlots, INITIAL);
        ids = new long[capacity];
        fitness = new double[capacity];
        codeLength = new int[capacity];
        cell = new int[capacity];
        firstMembership = new int[capacity];
        archived = new boolean[capacity];
        index = new LongIntMap(capacity);
    }

    int live() {
        return index.size();
    }

    /** The slot of id, or -1. */
    int slotOf(long id) {
        return index.get(id);
    }

    int allocate(long id, double fit, int length) {
        int slot;
        if (free.size() > 0) {
            slot = free.removeLast();
        } else {
            if (highWater == ids.length) grow();
            slot = highWater++;
        }
        ids[slot] = id;
        fitness[slot] = fit;
        codeLength[slot] = length;
        cell[slot] = 0;
        firstMembership[slot] = -1;
        archived[slot] = false;
        index.put(id, slot);
        return slot;
    }

    void release(int slot) {
        index.remove(ids[slot]);
        free.add(slot);
    }

    /** True when slot a ranks above slot b: higher fitness, ties to the lower id. */
    boolean above(int a, int b) {
        double fa = fitness[a];
        double fb = fitness[b];
        return fa > fb || (fa == fb && ids[a] < ids[b]);
    }

    private void grow() {
        int capacity = (int) Math.min(maxSlots, ids.length + (long) (ids.length >> 1));
        if (capacity <= ids.length) throw new IllegalStateException("slot capacity " + maxSlots + " exhausted");
        ids = Arrays.copyOf(ids, capacity);
        fitness = Arrays.copyOf(fitness, capacity);
        codeLength = Arrays.copyOf(codeLength, capacity);
        cell = Arrays.copyOf(cell, capacity);
        firstMembership = Arrays.copyOf(firstMembership, capacity);
        archived = Arrays.copyOf(archived, capacity);
    }
}
