/** Seed: 32 equal small circles on a 6 x 6 grid. Valid and weak (sum of radii 0.96). */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[][] solve() {
        int n = 32;
        double[][] circles = new double[n][3];
        double radius = 0.03;
        int cols = 6;
        int rows = 6;
        for (int i = 0; i < n; i++) {
            int col = i % cols;
            int row = i / cols;
            circles[i][0] = (col + 0.5) / cols;
            circles[i][1] = (row + 0.5) / rows;
            circles[i][2] = radius;
        }
        return circles;
    }
    // EVOLVE-BLOCK-END
}
