import dev.thetaevolve.search.Objective;
import java.util.SplittableRandom;

/**
 * Search seed: tabu search over sets U containing 0 whose maximum may move. Each step scores every flip of an
 * element x in [1, max U + margin] (or a random sample of them when the range is large) and makes the best flip
 * that is not tabu, even when the score falls; a flipped element stays tabu for a few steps unless flipping it
 * gives a new best. Adding past the maximum extends the range, removing the maximum shrinks it. The score
 * 1 + log(|U-U|/|U+U|)/log(2 max U + 1) is kept exact with sum and difference count arrays, so a flip costs O(|U|).
 */
public class SearchSeed {
    // EVOLVE-BLOCK-START
    public static int[] initial(SplittableRandom random) {
        int m = 240;
        int[] tmp = new int[m + 1];
        int k = 0;
        for (int x = 0; x <= m; x++) if (x == 0 || x == m || random.nextDouble() < 0.35) tmp[k++] = x;
        int[] u = new int[k];
        System.arraycopy(tmp, 0, u, 0, k);
        return u;
    }

    static int cap;        // largest element the arrays can hold
    static int m;          // current max U
    static boolean[] in;
    static int[] members;
    static int[] pos;
    static int size;
    static int[] sums;     // index s in [0, 2cap]
    static int[] diffs;    // index d + cap, d in [-cap, cap]
    static int distinctSums;
    static int distinctDiffs;

    static double score() {
        if (m < 1) return 0;
        return 1 + Math.log(distinctDiffs / (double) distinctSums) / Math.log(2.0 * m + 1);
    }

    public static int[] improve(int[] current, Objective objective, SplittableRandom random, long deadlineNanos) {
        if (!fits(current)) return current;
        load(current);
        if (m < 2) return current;
        double s = score();
        double bestScore = s;
        int[] best = toArray();
        int[] tabuUntil = new int[cap + 1];
        int iter = 0;
        int sinceBest = 0;
        while (System.nanoTime() < deadlineNanos && sinceBest < STALL) {
            iter++;
            sinceBest++;
            int hi = Math.min(cap, m + 1 + m / MARGIN);
            boolean full = hi <= SAMPLE;
            int tries = full ? hi : SAMPLE;
            int bestX = -1;
            double bestR = -1e300;
            int ties = 0;
            for (int k = 1; k <= tries; k++) {
                if ((k & 63) == 0 && System.nanoTime() >= deadlineNanos) break;
                int x = full ? k : 1 + random.nextInt(hi);
                if (x == m && size <= 2) continue;
                toggle(x);
                double r = score();
                toggle(x);
                if (tabuUntil[x] > iter && r <= bestScore) continue;
                if (r > bestR) {
                    bestR = r;
                    bestX = x;
                    ties = 1;
                } else if (r == bestR && random.nextInt(++ties) == 0) {
                    bestX = x;
                }
            }
            if (bestX < 0) continue;
            toggle(bestX);
            s = bestR;
            tabuUntil[bestX] = iter + TENURE + random.nextInt(TENURE + 1);
            if (s > bestScore) {
                bestScore = s;
                best = toArray();
                sinceBest = 0;
            }
        }
        return objective.better(best, current) ? best : current;
    }

    static final int TENURE = 20;       // steps a flipped element stays tabu (plus up to as many again)
    static final int STALL = 3000;      // steps without a new best before improve() gives up
    static final int MARGIN = 16;       // flips may add elements up to max U + max U / MARGIN + 1
    static final int SAMPLE = 600;      // candidates scored per step when the range is larger
    static final int MAX_RANGE = 4000000;

    static boolean fits(int[] u) {
        int mx = 0;
        for (int x : u) if (x < 0) return false; else mx = Math.max(mx, x);
        return mx <= MAX_RANGE;
    }

    public static int[] perturb(int[] current, double intensity, SplittableRandom random) {
        if (!fits(current)) return current;
        load(current);
        if (m < 2) return current;
        int flips = 1 + (int) (intensity * 0.05 * m);
        for (int k = 0; k < flips; k++) {
            int x = 1 + random.nextInt(Math.min(cap, m + 1 + m / MARGIN));
            if (x == m && size <= 2) continue;
            toggle(x);
        }
        return toArray();
    }

    private static void load(int[] u) {
        int mx = 0;
        for (int x : u) mx = Math.max(mx, x);
        cap = mx + 2 + mx / 8;
        m = 0;
        in = new boolean[cap + 1];
        members = new int[cap + 1];
        pos = new int[cap + 1];
        size = 0;
        sums = new int[2 * cap + 1];
        diffs = new int[2 * cap + 1];
        distinctSums = 0;
        distinctDiffs = 0;
        toggle(0);
        for (int x : u) if (x > 0 && x <= cap && !in[x]) toggle(x);
    }

    /** Adds x when absent, removes it when present; keeps the counts and the maximum exact. */
    private static void toggle(int x) {
        boolean adding = !in[x];
        int sign = adding ? 1 : -1;
        if (!adding) {
            in[x] = false;
            int p = pos[x];
            int last = members[--size];
            members[p] = last;
            pos[last] = p;
        }
        int[] su = sums, di = diffs, me = members;
        int c = cap;
        int ds = 0, dd = 0;
        for (int i = 0; i < size; i++) {
            int y = me[i];
            int a = x + y, b = x - y + c, e = y - x + c;
            if (adding) {
                if (su[a]++ == 0) ds++;
                if (di[b]++ == 0) dd++;
                if (di[e]++ == 0) dd++;
            } else {
                if (--su[a] == 0) ds--;
                if (--di[b] == 0) dd--;
                if (--di[e] == 0) dd--;
            }
        }
        if (adding) {
            if (su[2 * x]++ == 0) ds++;
            if (di[c]++ == 0) dd++;
            in[x] = true;
            pos[x] = size;
            me[size++] = x;
            if (x > m) m = x;
        } else {
            if (--su[2 * x] == 0) ds--;
            if (--di[c] == 0) dd--;
            if (x == m) while (m > 0 && !in[m]) m--;
        }
        distinctSums += ds;
        distinctDiffs += dd;
    }

    private static int[] toArray() {
        int[] u = new int[size];
        System.arraycopy(members, 0, u, 0, size);
        java.util.Arrays.sort(u);
        return u;
    }
    // EVOLVE-BLOCK-END
}
