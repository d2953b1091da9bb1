
/**
 * Seed: I + Q, where Q is the Jacobsthal matrix of the quadratic residues mod 29 (Q[i][j] = Legendre
 * symbol of j - i, 0 on the diagonal): every entry is ±1 and |det| = 28^14, a ratio of about 0.143.
 */
public class Seed {
    // EVOLVE-BLOCK-START
    public static int[][] solve() {
        int n = 29;
        int shift = 0;
        boolean[] residue = new boolean[n];
        for (int x = 1; x < n; x++) residue[(x * x) % n] = true;
        int[][] a = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int d = ((j - i + shift) % n + n) % n;
                a[i][j] = d == 0 ? 1 : (residue[d] ? 1 : -1);
            }
        }
        return a;
    }
    // EVOLVE-BLOCK-END
}
