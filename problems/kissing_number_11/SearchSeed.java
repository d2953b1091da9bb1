import dev.thetaevolve.search.Objective;
import java.util.SplittableRandom;

/**
 * Search seed: all vectors sit on one sphere |x|^2 = N, so the check is |x - y|^2 >= N, i.e. 2 x.y <= N.
 * The candidates are every integer vector of norm N with small entries. While the set is a union of orbits
 * of the cyclic shift of the coordinates, the search first runs over whole orbits (482 of 11 vectors for
 * N = 4), then over single vectors; perturb either drops random vectors or keeps the whole orbits minus a
 * few, so the orbit search can regrow it. The search is a maximum
 * independent set local search over the conflict relation: add a conflict-free candidate when there is
 * one, else swap a candidate in for its single conflicting member (a plateau move). Exact integer scores.
 */
public class SearchSeed {
    // EVOLVE-BLOCK-START
    static final int D = 11;
    static final long NORM = 4;

    public static long[][] initial(SplittableRandom random) {
        // a random greedy union of shift orbits of norm-4 vectors
        long[][] cand = candidates(NORM);
        int[][] orbits = orbits(cand);
        boolean[][] clash = clashes(cand, orbits, NORM);
        int[] order = new int[orbits.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        boolean[] chosen = new boolean[orbits.length];
        int count = 0;
        for (int x = 0; x < order.length && count * D < 150; x++) {
            int a = order[x];
            boolean ok = !clash[a][a];
            for (int b = 0; b < orbits.length && ok; b++) if (chosen[b] && clash[a][b]) ok = false;
            if (ok) {
                chosen[a] = true;
                count++;
            }
        }
        return vectors(cand, orbits, chosen);
    }

    public static long[][] improve(long[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
        long[][] start = current;
        if (cyclic(current)) { // a union of shift orbits: search over whole orbits for half the time left
            long now = System.nanoTime();
            long[][] s = orbitSearch(current, random, now + (deadlineNanos - now) / 2);
            if (objective.better(s, start)) start = s;
        }
        long[][] best = vectorSearch(start, random, deadlineNanos);
        return objective.better(best, current) ? best : current;
    }

    /** The independent-set search over single vectors, from {@code current}; the largest set met. */
    static long[][] vectorSearch(long[][] current, SplittableRandom random, long deadlineNanos) {
        long norm = 0;
        for (long[] x : current) norm = Math.max(norm, dot(x, x));
        for (long[] x : current) if (dot(x, x) != norm) return current; // this seed only handles one sphere
        if (norm > 12) return current;
        long[][] cand = candidates(norm);
        int n = cand.length;
        // membership and, for every candidate, how many members conflict with it
        boolean[] member = new boolean[n];
        int[] conflicts = new int[n];
        int[] where = new int[current.length];
        for (int i = 0; i < current.length; i++) {
            where[i] = -1;
            for (int c = 0; c < n; c++) if (same(cand[c], current[i])) { where[i] = c; break; }
            if (where[i] < 0) return current;
        }
        int[] list = new int[n];
        int size = 0;
        for (int i = 0; i < where.length; i++) {
            if (member[where[i]]) continue;
            add(where[i], cand, member, conflicts, norm);
            list[size++] = where[i];
        }
        int bestSize = size;
        if (size == 0) return current;
        boolean[] best = copy(member);
        int[] tabu = new int[n];
        int step = 0;
        int stall = 0;
        while (System.nanoTime() < deadlineNanos && stall < 400000) { // ends after many tries without a larger set
            for (int t = 0; t < 2000; t++) {
                stall++;
                step++;
                int c = random.nextInt(n);
                if (member[c] || tabu[c] > step) continue;
                if (conflicts[c] == 0) {
                    add(c, cand, member, conflicts, norm);
                    list[size++] = c;
                } else if (conflicts[c] == 1) {
                    int other = -1;
                    for (int j = 0; j < size && other < 0; j++) if (2 * dot(cand[list[j]], cand[c]) > norm) other = list[j];
                    remove(other, cand, member, conflicts, norm);
                    add(c, cand, member, conflicts, norm);
                    for (int j = 0; j < size; j++) if (list[j] == other) list[j] = c;
                    tabu[other] = step + 50;
                }
                if (size > bestSize) {
                    stall = 0;
                    bestSize = size;
                    best = copy(member);
                }
            }
        }
        long[][] out = new long[bestSize][];
        int k = 0;
        for (int c = 0; c < n; c++) if (best[c]) out[k++] = cand[c];
        return out.length > current.length ? out : current;
    }

    public static long[][] perturb(long[][] current, double intensity, SplittableRandom random) {
        if (random.nextBoolean()) { // keep the whole orbits only, minus a few: the orbit search regrows it
            long[][] core = orbitCore(current);
            if (core != null && core.length > D) {
                long[][] cand = candidates(norm(core));
                int[][] orbits = orbits(cand);
                boolean[] chosen = new boolean[orbits.length];
                int[] ids = new int[orbits.length];
                int count = 0;
                for (int a = 0; a < orbits.length; a++) if (member(core, cand[orbits[a][0]])) { chosen[a] = true; ids[count++] = a; }
                int drop = Math.min(count - 1, 1 + (int) (intensity * 3));
                for (int k = 0; k < drop; k++) {
                    int x = random.nextInt(count);
                    chosen[ids[x]] = false;
                    ids[x] = ids[--count];
                }
                return vectors(cand, orbits, chosen);
            }
        }
        int drop = Math.min(current.length - 1, 1 + (int) (intensity * 0.1 * current.length));
        long[][] a = new long[current.length][];
        System.arraycopy(current, 0, a, 0, a.length);
        shuffle(a, random);
        long[][] out = new long[a.length - drop][];
        System.arraycopy(a, drop, out, 0, out.length);
        return out;
    }

    // ---- shift orbits: the cyclic shift of the 11 coordinates maps the candidates onto themselves --------

    /** The add / plateau-swap search over whole orbits (11 vectors each) until {@code until}; the largest union met. */
    static long[][] orbitSearch(long[][] current, SplittableRandom random, long until) {
        long norm = norm(current);
        long[][] cand = candidates(norm);
        int[][] orbits = orbits(cand);
        int n = orbits.length;
        boolean[][] clash = clashes(cand, orbits, norm);
        boolean[] chosen = new boolean[n];
        int[] conflicts = new int[n];
        int size = 0;
        for (int a = 0; a < n; a++) {
            if (!member(current, cand[orbits[a][0]])) continue;
            chosen[a] = true;
            size++;
            for (int b = 0; b < n; b++) if (b != a && clash[a][b]) conflicts[b]++;
        }
        boolean[] best = copy(chosen);
        int bestSize = size;
        int[] tabu = new int[n];
        int step = 0;
        int lastGain = 0;
        while (System.nanoTime() < until && step - lastGain < 200000) { // ends after many tries without a larger union
            for (int t = 0; t < 1000; t++) {
                step++;
                int c = random.nextInt(n);
                if (chosen[c] || clash[c][c] || tabu[c] > step || conflicts[c] > 1) continue;
                if (conflicts[c] == 1) { // swap c in for the one chosen orbit it clashes with
                    int other = -1;
                    for (int b = 0; b < n && other < 0; b++) if (chosen[b] && clash[c][b]) other = b;
                    chosen[other] = false;
                    size--;
                    for (int b = 0; b < n; b++) if (b != other && clash[other][b]) conflicts[b]--;
                    tabu[other] = step + 50;
                }
                chosen[c] = true;
                size++;
                for (int b = 0; b < n; b++) if (b != c && clash[c][b]) conflicts[b]++;
                if (size > bestSize) {
                    bestSize = size;
                    best = copy(chosen);
                    lastGain = step;
                }
            }
        }
        return vectors(cand, orbits, best);
    }

    /** Whether the set is a union of whole orbits of one sphere (entries within [-3, 3], norm at most 12). */
    static boolean cyclic(long[][] set) {
        long[][] core = orbitCore(set);
        return core != null && core.length == set.length && set.length > 0;
    }

    /** The vectors of the set whose whole orbit is in it; null when the set is not on one small sphere. */
    static long[][] orbitCore(long[][] set) {
        long norm = norm(set);
        if (norm > 12) return null;
        for (long[] x : set) if (dot(x, x) != norm || !small(x)) return null;
        long[][] keep = new long[set.length][];
        int k = 0;
        for (long[] x : set) {
            boolean whole = true;
            long[] w = shift(x);
            for (int s = 1; s < D && whole; s++) {
                whole = member(set, w);
                w = shift(w);
            }
            if (whole) keep[k++] = x;
        }
        long[][] out = new long[k][];
        System.arraycopy(keep, 0, out, 0, k);
        return out;
    }

    /** The orbits of the candidates under the cyclic shift, as candidate indices (candidates() makes them in key order). */
    static int[][] orbits(long[][] cand) {
        long[] keys = new long[cand.length];
        for (int c = 0; c < cand.length; c++) keys[c] = key(cand[c]);
        int[] orbit = new int[cand.length];
        java.util.Arrays.fill(orbit, -1);
        int[][] out = new int[cand.length][];
        int count = 0;
        for (int c = 0; c < cand.length; c++) {
            if (orbit[c] >= 0) continue;
            int[] members = new int[D];
            int m = 0;
            long[] w = cand[c];
            for (int s = 0; s < D; s++) {
                int i = java.util.Arrays.binarySearch(keys, key(w));
                if (orbit[i] < 0) {
                    orbit[i] = count;
                    members[m++] = i;
                }
                w = shift(w);
            }
            out[count] = new int[m];
            System.arraycopy(members, 0, out[count], 0, m);
            count++;
        }
        int[][] exact = new int[count][];
        System.arraycopy(out, 0, exact, 0, count);
        return exact;
    }

    /** clash[a][b]: a vector of orbit a conflicts with one of orbit b (for a == b, two distinct ones); by symmetry a's first vector suffices. */
    static boolean[][] clashes(long[][] cand, int[][] orbits, long norm) {
        int n = orbits.length;
        boolean[][] clash = new boolean[n][n];
        for (int a = 0; a < n; a++) {
            long[] rep = cand[orbits[a][0]];
            for (int b = a; b < n; b++) {
                boolean hit = false;
                for (int j = 0; j < orbits[b].length && !hit; j++) {
                    if (orbits[b][j] == orbits[a][0]) continue;
                    hit = 2 * dot(rep, cand[orbits[b][j]]) > norm;
                }
                clash[a][b] = hit;
                clash[b][a] = hit;
            }
        }
        return clash;
    }

    static long[][] vectors(long[][] cand, int[][] orbits, boolean[] chosen) {
        int k = 0;
        for (int a = 0; a < orbits.length; a++) if (chosen[a]) k += orbits[a].length;
        long[][] out = new long[k][];
        k = 0;
        for (int a = 0; a < orbits.length; a++) if (chosen[a]) for (int j = 0; j < orbits[a].length; j++) out[k++] = cand[orbits[a][j]];
        return out;
    }

    static boolean member(long[][] set, long[] v) {
        for (long[] x : set) if (same(x, v)) return true;
        return false;
    }

    static long norm(long[][] set) {
        long m = 0;
        for (long[] x : set) m = Math.max(m, dot(x, x));
        return m;
    }

    static long key(long[] v) {
        long k = 0;
        for (int i = 0; i < D; i++) k = k * 7 + (v[i] + 3);
        return k;
    }

    static boolean small(long[] v) {
        for (int i = 0; i < D; i++) if (v[i] < -3 || v[i] > 3) return false;
        return true;
    }

    static long[] shift(long[] v) {
        long[] w = new long[D];
        for (int i = 0; i < D; i++) w[(i + 1) % D] = v[i];
        return w;
    }

    private static void add(int c, long[][] cand, boolean[] member, int[] conflicts, long norm) {
        member[c] = true;
        for (int j = 0; j < cand.length; j++) if (j != c && 2 * dot(cand[j], cand[c]) > norm) conflicts[j]++;
    }

    private static void remove(int c, long[][] cand, boolean[] member, int[] conflicts, long norm) {
        member[c] = false;
        for (int j = 0; j < cand.length; j++) if (j != c && 2 * dot(cand[j], cand[c]) > norm) conflicts[j]--;
    }

    /** Every integer vector in dimension 11 with squared norm exactly {@code norm}. */
    static long[][] candidates(long norm) {
        java.util.ArrayList<long[]> out = new java.util.ArrayList<long[]>();
        fill(new long[D], 0, norm, out);
        long[][] a = new long[out.size()][];
        for (int i = 0; i < a.length; i++) a[i] = (long[]) out.get(i);
        return a;
    }

    private static void fill(long[] v, int i, long left, java.util.ArrayList<long[]> out) {
        if (i == D) {
            if (left == 0) {
                long[] c = new long[D];
                System.arraycopy(v, 0, c, 0, D);
                out.add(c);
            }
            return;
        }
        for (long x = -3; x <= 3; x++) {
            if (x * x > left) continue;
            v[i] = x;
            fill(v, i + 1, left - x * x, out);
        }
        v[i] = 0;
    }

    private static long dot(long[] a, long[] b) {
        long s = 0;
        for (int i = 0; i < D; i++) s += a[i] * b[i];
        return s;
    }

    private static boolean same(long[] a, long[] b) {
        for (int i = 0; i < D; i++) if (a[i] != b[i]) return false;
        return true;
    }

    private static boolean[] copy(boolean[] a) {
        boolean[] b = new boolean[a.length];
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }

    private static void shuffle(long[][] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long[] t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }
    // EVOLVE-BLOCK-END
}
