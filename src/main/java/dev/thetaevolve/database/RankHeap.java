package dev.thetaevolve.database;

import java.util.Arrays;

/**
 * A binary heap of slots with the lowest-ranked slot on top (rank as in {@link Slots#above}).
 *
 * <p>The population keeps one to evict its lowest program in O(log n); the archive keeps one to find the
 * elite a newcomer displaces; migration and inspirations use a bounded one to select a top-k. Its backing
 * array is dense, so a uniform index into it is a uniform draw over its members.
 */
final class RankHeap {
    private final Slots slots;
    private int[] heap;
    private int size;

    RankHeap(Slots slots, int initialCapacity) {
        this.slots = slots;
        this.heap = new int[Math.max(4, initialCapacity)];
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

    void clear() {
        size = 0;
    }

    void push(int slot) {
        if (size == heap.length) heap = Arrays.copyOf(heap, heap.length + (heap.length >> 1));
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (!slots.above(p, slot)) break;
            heap[i] = p;
            i = parent;
        }
        heap[i] = slot;
    }

    int pop() {
        int top = heap[0];
        int last = heap[--size];
        if (size > 0) siftDown(last);
        return top;
    }

    /** Replaces the top with slot; returns the old top. */
    int replaceTop(int slot) {
        int top = heap[0];
        siftDown(slot);
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


    /** Heap order holds at every node (a test hook for integrity checks). */
    boolean isHeap() {
        for (int i = 1; i < size; i++) if (slots.above(heap[(i - 1) >>> 1], heap[i])) return false;
        return true;
    }

    private void siftDown(int slot) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int c = heap[child];
            int right = child + 1;
            if (right < size && slots.above(c, heap[right])) {
                child = right;
                c = heap[right];
            }
            if (!slots.above(slot, c)) break;
            heap[i] = c;
            i = child;
        }
        heap[i] = slot;
    }
}
