package dev.thetaevolve.database;

import java.util.Arrays;

/**
 * Island memberships, struct-of-arrays. A program belongs to its home island and to every island a
 * migration copied it to; each membership sits in its island's member list and, while the program is in
 * the elite archive, in that island's archive list, so both can be drawn from uniformly in O(1) and left in
 * O(1) (swap-removal with back-pointers). A program's memberships form a singly linked chain, home first.
 * 24 bytes per membership.
 */
final class Memberships {
    int[] slot;
    int[] island;
    int[] next;
    private int[] memberPos;
    private int[] archivePos;
    private final IntList free = new IntList(16);
    private int highWater;
    private int live;

    final IntList[] members;
    final IntList[] archived;

    Memberships(int islands, int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        slot = new int[capacity];
        island = new int[capacity];
        next = new int[capacity];
        memberPos = new int[capacity];
        archivePos = new int[capacity];
        members = new IntList[islands];
        archived = new IntList[islands];
        for (int i = 0; i < islands; i++) {
            members[i] = new IntList(capacity / islands);
            archived[i] = new IntList(16);
        }
    }

    int live() {
        return live;
    }

    /** Creates a membership of slot s in island i, appended to the island's member list. */
    int create(int s, int i) {
        int m;
        if (free.size() > 0) {
            m = free.removeLast();
        } else {
            if (highWater == slot.length) grow();
            m = highWater++;
        }
        slot[m] = s;
        island[m] = i;
        next[m] = -1;
        archivePos[m] = -1;
        memberPos[m] = members[i].add(m);
        live++;
        return m;
    }

    /** Removes membership m from its lists and recycles it. */
    void destroy(int m) {
        if (archivePos[m] >= 0) unarchive(m);
        IntList list = members[island[m]];
        int moved = list.swapRemove(memberPos[m]);
        if (moved >= 0) memberPos[list.get(moved)] = moved;
        free.add(m);
        live--;
    }

    void archive(int m) {
        archivePos[m] = archived[island[m]].add(m);
    }

    void unarchive(int m) {
        IntList list = archived[island[m]];
        int moved = list.swapRemove(archivePos[m]);
        if (moved >= 0) archivePos[list.get(moved)] = moved;
        archivePos[m] = -1;
    }

    boolean isArchived(int m) {
        return archivePos[m] >= 0;
    }

    /** Back-pointers agree with the lists (a test hook for integrity checks). */
    boolean consistent() {
        for (IntList list : members) for (int p = 0; p < list.size(); p++) if (memberPos[list.get(p)] != p) return false;
        for (IntList list : archived) for (int p = 0; p < list.size(); p++) if (archivePos[list.get(p)] != p) return false;
        return true;
    }


    private void grow() {
        int capacity = slot.length + (slot.length >> 1);
        slot = Arrays.copyOf(slot, capacity);
        island = Arrays.copyOf(island, capacity);
        next = Arrays.copyOf(next, capacity);
        memberPos = Arrays.copyOf(memberPos, capacity);
        archivePos = Arrays.copyOf(archivePos, capacity);
    }
}
