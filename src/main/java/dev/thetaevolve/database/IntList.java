package dev.thetaevolve.database;

import java.util.Arrays;

/** A growable {@code int} array with O(1) swap-removal; the building block of every member list. */
final class IntList {
    private int[] items;
    private int size;

    IntList(int initialCapacity) {
        items = new int[Math.max(4, initialCapacity)];
    }

    int size() {
        return size;
    }

    int get(int index) {
        return items[index];
    }

    void set(int index, int value) {
        items[index] = value;
    }

    /** Appends value and returns its index. */
    int add(int value) {
        if (size == items.length) items = Arrays.copyOf(items, items.length + (items.length >> 1));
        items[size] = value;
        return size++;
    }

    /**
     * Removes the item at index by moving the last item into its place.
     *
     * @return the index the moved item now occupies, or -1 when the removed item was the last
     */
    int swapRemove(int index) {
        int last = --size;
        if (index == last) return -1;
        items[index] = items[last];
        return index;
    }

    int removeLast() {
        return items[--size];
    }

    int[] toArray() {
        return Arrays.copyOf(items, size);
    }

}
