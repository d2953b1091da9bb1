import dev.thetaevolve.search.Objective;
import java.util.SplittableRandom;

/**
 * Search seed in two stages. First a structured family: 29 = 1 + 2 * 14, a +-1 border (one sign per border
 * block) around a 2 x 2 array of 14 x 14 circulant blocks, so a matrix is 61 signs; simulated annealing on
 * log|det| flips one sign at a time (a whole circulant diagonal), scoring by LU. Then steepest-ascent
 * single-entry flips on the whole matrix: a flip of entry (i, j) multiplies det by (1 - 2 a_ij (A^-1)_ji), so
 * every flip is scored in O(1) from the inverse, which a rank-one (Sherman-Morrison) update keeps current; a
 * short tabu list lets the search walk across plateaus. perturb moves within the family when the matrix is
 * in it, else restarts in it or flips a few entries.
 */
public class SearchSeed {
    // EVOLVE-BLOCK-START
    static final int N = 29;

    static final int H = 14; // block size: 29 = 1 + 2 * H
    static final int BITS = 4 * H + 5; // the blocks' first rows, then the corner and the four border signs

    public static int[][] initial(SplittableRandom random) {
        return build(randomSigns(random));
    }

    public static int[][] improve(int[][] current, Objective objective, SplittableRandom random, long deadlineNanos) {
        int[][] start = current;
        int[] x = signs(current);
        if (x != null) { // in the family: anneal its signs for two thirds of the time left
            long now = System.nanoTime();
            int[][] b = build(anneal(x, random, now + (deadlineNanos - now) * 2 / 3));
            if (objective.better(b, start)) start = b;
        }
        int[][] best = flips(start, random, deadlineNanos);
        return objective.better(best, current) ? best : current;
    }

    /** Simulated annealing on log|det| over the family's signs, cooled geometrically until {@code until}. */
    static int[] anneal(int[] start, SplittableRandom random, long until) {
        int[] x = new int[BITS];
        System.arraycopy(start, 0, x, 0, BITS);
        int[] best = new int[BITS];
        System.arraycopy(x, 0, best, 0, BITS);
        double cur = logAbsDet(build(x));
        double bestLog = cur;
        long t0 = System.nanoTime();
        double span = Math.max(1, until - t0);
        double hot = 1.0, cold = 0.02, temp = hot;
        for (int step = 0; ; step++) {
            if ((step & 15) == 0) {
                long now = System.nanoTime();
                if (now >= until) break;
                temp = hot * Math.pow(cold / hot, (now - t0) / span);
            }
            int k = random.nextInt(BITS);
            x[k] = -x[k];
            double next = logAbsDet(build(x));
            if (next >= cur || random.nextDouble() < Math.exp((next - cur) / temp)) {
                cur = next;
                if (cur > bestLog) {
                    bestLog = cur;
                    System.arraycopy(x, 0, best, 0, BITS);
                }
            } else {
                x[k] = -x[k];
            }
        }
        return best;
    }

    /** The family's matrix: border signs, then block b (row-major in the 2 x 2 array) circulant from its first row. */
    static int[][] build(int[] x) {
        int[][] a = new int[N][N];
        a[0][0] = x[4 * H];
        for (int k = 0; k < H; k++) {
            a[0][1 + k] = x[4 * H + 1];
            a[0][1 + H + k] = x[4 * H + 2];
            a[1 + k][0] = x[4 * H + 3];
            a[1 + H + k][0] = x[4 * H + 4];
        }
        for (int b = 0; b < 4; b++) {
            int r0 = 1 + (b / 2) * H, c0 = 1 + (b % 2) * H;
            for (int i = 0; i < H; i++) for (int j = 0; j < H; j++) a[r0 + i][c0 + j] = x[b * H + (j - i + H) % H];
        }
        return a;
    }

    /** The signs of a matrix of the family, or null when it is not one. */
    static int[] signs(int[][] a) {
        int[] x = new int[BITS];
        for (int b = 0; b < 4; b++) for (int j = 0; j < H; j++) x[b * H + j] = a[1 + (b / 2) * H][1 + (b % 2) * H + j];
        x[4 * H] = a[0][0];
        x[4 * H + 1] = a[0][1];
        x[4 * H + 2] = a[0][1 + H];
        x[4 * H + 3] = a[1][0];
        x[4 * H + 4] = a[1 + H][0];
        int[][] b = build(x);
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) if (b[i][j] != a[i][j]) return null;
        return x;
    }

    static int[] randomSigns(SplittableRandom random) {
        int[] x = new int[BITS];
        for (int k = 0; k < BITS; k++) x[k] = random.nextBoolean() ? 1 : -1;
        return x;
    }

    /** log|det| by Gaussian elimination with partial pivoting; -infinity when singular. */
    static double logAbsDet(int[][] a) {
        double[][] m = new double[N][N];
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) m[i][j] = a[i][j];
        double log = 0;
        for (int c = 0; c < N; c++) {
            int p = c;
            for (int r = c + 1; r < N; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
            if (Math.abs(m[p][c]) < 1e-9) return Double.NEGATIVE_INFINITY;
            double[] t = m[p]; m[p] = m[c]; m[c] = t;
            log += Math.log(Math.abs(m[c][c]));
            for (int r = c + 1; r < N; r++) {
                double f = m[r][c] / m[c][c];
                if (f == 0) continue;
                for (int k = c; k < N; k++) m[r][k] -= f * m[c][k];
            }
        }
        return log;
    }

    /** Steepest-ascent single flips with a short tabu list, from {@code current}; the best matrix met. */
    static int[][] flips(int[][] current, SplittableRandom random, long deadlineNanos) {
        int[][] a = copy(current);
        double[][] inv = inverse(a);
        int tries = 0;
        while (inv == null && tries++ < 50) { // singular: flip random entries until it is not
            int i = random.nextInt(N), j = random.nextInt(N);
            a[i][j] = -a[i][j];
            inv = inverse(a);
        }
        if (inv == null) return copy(current);
        double logDet = 0; // log|det| relative to the start
        double bestLog = 0;
        int[][] best = copy(a);
        int[][] tabu = new int[N][N];
        int step = 0;
        int sinceBest = 0;
        while (System.nanoTime() < deadlineNanos && sinceBest < 4000) {
            step++;
            int bi = -1, bj = -1;
            double bestFactor = -1;
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    if (tabu[i][j] > step) continue;
                    double f = Math.abs(1 - 2 * a[i][j] * inv[j][i]);
                    if (f > bestFactor + 1e-12 || (Math.abs(f - bestFactor) <= 1e-12 && random.nextInt(3) == 0)) {
                        bestFactor = f;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0 || bestFactor < 1e-9) break;
            flip(a, inv, bi, bj);
            logDet += Math.log(bestFactor);
            tabu[bi][bj] = step + 5 + random.nextInt(10);
            if (logDet > bestLog + 1e-9) {
                bestLog = logDet;
                best = copy(a);
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            if (step % 200 == 0) { // refresh the inverse against drift
                double[][] fresh = inverse(a);
                if (fresh == null) break;
                inv = fresh;
            }
        }
        return best;
    }

    public static int[][] perturb(int[][] current, double intensity, SplittableRandom random) {
        int[] x = signs(current);
        if (x != null) { // a move within the family: flip a few of its signs
            int moves = 1 + (int) (intensity * 4);
            for (int k = 0; k < moves; k++) {
                int i = random.nextInt(BITS);
                x[i] = -x[i];
            }
            return build(x);
        }
        if (random.nextBoolean()) return build(randomSigns(random)); // a fresh start in the family
        int[][] a = copy(current);
        int flips = 1 + (int) (intensity * 12);
        for (int k = 0; k < flips; k++) {
            int i = random.nextInt(N), j = random.nextInt(N);
            a[i][j] = -a[i][j];
        }
        return a;
    }

    private static void flip(int[][] a, double[][] inv, int i, int j) {
        // A' = A + d e_i e_j^T with d = -2 a_ij; inv' = inv - d (inv e_i)(e_j^T inv) / (1 + d inv_ji)
        double d = -2.0 * a[i][j];
        double denom = 1 + d * inv[j][i];
        double[] col = new double[N];
        double[] row = new double[N];
        for (int k = 0; k < N; k++) {
            col[k] = inv[k][i];
            row[k] = inv[j][k];
        }
        for (int r = 0; r < N; r++) {
            double c = d * col[r] / denom;
            if (c == 0) continue;
            for (int k = 0; k < N; k++) inv[r][k] -= c * row[k];
        }
        a[i][j] = -a[i][j];
    }

    private static double[][] inverse(int[][] a) {
        double[][] m = new double[N][2 * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) m[i][j] = a[i][j];
            m[i][N + i] = 1;
        }
        for (int c = 0; c < N; c++) {
            int p = c;
            for (int r = c + 1; r < N; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
            if (Math.abs(m[p][c]) < 1e-9) return null;
            double[] t = m[p]; m[p] = m[c]; m[c] = t;
            double pv = m[c][c];
            for (int k = 0; k < 2 * N; k++) m[c][k] /= pv;
            for (int r = 0; r < N; r++) {
                if (r == c || m[r][c] == 0) continue;
                double f = m[r][c];
                for (int k = 0; k < 2 * N; k++) m[r][k] -= f * m[c][k];
            }
        }
        double[][] inv = new double[N][N];
        for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) inv[i][j] = m[i][N + j];
        return inv;
    }

    private static int[][] copy(int[][] a) {
        int[][] b = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = new int[a[i].length];
            System.arraycopy(a[i], 0, b[i], 0, a[i].length);
        }
        return b;
    }
    // EVOLVE-BLOCK-END
}
