import java.util.ArrayList;
import java.util.List;

/**
 * Seed: the 220 minimal vectors of the D11 lattice, (±s, ±s, 0, …, 0) in every pair of coordinates:
 * squared norm 2s², pairwise squared distance >= 2s². Valid; the record is 593.
 */
public class Seed {
    // EVOLVE-BLOCK-START
    public static long[][] solve() {
        int dim = 11;
        long scale = 1L;
        List<long[]> points = new ArrayList<long[]>();
        for (int i = 0; i < dim; i++) {
            for (int j = i + 1; j < dim; j++) {
                for (int si = -1; si <= 1; si += 2) {
                    for (int sj = -1; sj <= 1; sj += 2) {
                        long[] p = new long[dim];
                        p[i] = si * scale;
                        p[j] = sj * scale;
                        points.add(p);
                    }
                }
            }
        }
        return (long[][]) points.toArray(new long[points.size()][]); // Janino: no generic inference, so cast
    }
    // EVOLVE-BLOCK-END
}
