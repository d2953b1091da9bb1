import java.util.ArrayList;
import java.util.List;

/**
 * Seed: 0 plus a few short arithmetic blocks spread out with a growing gap (the reference set U1 is
 * built from such blocks). Valid and weak (about 1.052).
 */
public class Seed {
    // EVOLVE-BLOCK-START
    public static int[] solve() {
        int blocks = 12;
        int blockLength = 4;
        int stride = 3;
        int gap = 37;
        int growth = 5;
        List<Integer> u = new ArrayList<Integer>();
        u.add(0);
        int start = gap;
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < blockLength; k++) u.add(start + k * stride);
            start += gap + b * growth;
        }
        int[] out = new int[u.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Integer) u.get(i)).intValue(); // Janino: no generic inference, so cast
        return out;
    }
    // EVOLVE-BLOCK-END
}
