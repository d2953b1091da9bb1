package dev.thetaevolve.database;

import java.util.Arrays;

/**
 * A 4-ary heap of slots with the lowest-ranked slot on top (rank as in {@link Slots#above}).
 *
 * <p>The population keeps one to evict its lowest program in O(log n); the archive keeps one to find the
 * elite a newcomer displaces; migration and inspirations use a bounded one to select a top-k. Each entry
 * carries a copy of its slot's fitness beside it, and four children share a cache line or two, so a sift at
 * 10^6 entries touches about ten lines instead of forty scattered fitness reads (ids are read only on ties).
 * Its backing array is dense, so a uniform index into it is a uniform draw over its members.
 */
final class RankHeap {
    private final Slots slots;
    private int[] heap;
    private double[] keys;
    private int size;

    RankHeap(Slots slots, int initialCapacity) {
        this.slots = slots;
        this.heap = new int[Math.max(4, initialCapacity)];
        this.keys = new double[heap.length];
    }

    int size() {
        return size;
    }

    /** The slot at array position i (0 ≤ i &lt; size): uniform i gives a uniform member. */
    int at(int i) {
        return heap[i];
    }

    int top() {
        return heap[0];
    }

    void push(int slot) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, heap.length + (heap.length >> 1));
            keys = Arrays.copyOf(keys, heap.length);
        }
        double key = slots.fitness[slot];
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!above(heap[parent], keys[parent], slot, key)) break;
            heap[i] = heap[parent];
            keys[i] = keys[parent];
            i = parent;
        }
        heap[i] = slot;
        keys[i] = key;
    }

    int pop() {
        int top = heap[0];
        int last = --size;
        if (size > 0) siftDown(heap[last], keys[last]);
        return top;
    }

    /** Replaces the top with slot; returns the old top. */
    int replaceTop(int slot) {
        int top = heap[0];
        siftDown(slot, slots.fitness[slot]);
        return top;
    }

    /** Offers slot to a heap holding at most k slots, keeping the k highest-ranked. */
    void offerBounded(int slot, int k) {
        if (size < k) push(slot);
        else if (k > 0 && slots.above(slot, heap[0])) replaceTop(slot);
    }

    /** Empties the heap, returning its slots best first. */
    int[] drainBestFirst() {
        int[] out = new int[size];
        for (int i = out.length - 1; i >= 0; i--) out[i] = pop();
        return out;
    }

    /** Heap order holds at every node and keys match fitness (a test hook for integrity checks). */
    boolean isHeap() {
        for (int i = 0; i < size; i++) {
            if (keys[i] != slots.fitness[heap[i]]) return false;
            if (i > 0 && slots.above(heap[(i - 1) >>> 2], heap[i])) return false;
        }
        return true;
    }

    private boolean above(int a, double ka, int b, double kb) {
        return ka > kb || (ka == kb && slots.ids[a] < slots.ids[b]);
    }

    private void siftDown(int slot, double key) {
        int i = 0;
        while (true) {
            int first = 4 * i + 1;
            if (first >= size) break;
            int end = Math.min(first + 4, size);
            int low = first;
            for (int c = first + 1; c < end; c++) if (above(heap[low], keys[low], heap[c], keys[c])) low = c;
            if (!above(slot, key, heap[low], keys[low])) break;
            heap[i] = heap[low];
            keys[i] = keys[low];
            i = low;
        }
        heap[i] = slot;
        keys[i] = key;
    }
}
