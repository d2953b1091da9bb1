/** Seed: 16 points on a 4 x 4 unit grid: ratio^2 = 18. Valid and weak. */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[][] solve() {
        int n = 16;
        int cols = 4;
        double dx = 1.0;
        double dy = 1.0;
        double shear = 0.0;
        double[][] points = new double[n][2];
        for (int i = 0; i < n; i++) {
            int col = i % cols;
            int row = i / cols;
            points[i][0] = col * dx + row * shear;
            points[i][1] = row * dy;
        }
        return points;
    }
    // EVOLVE-BLOCK-END
}
