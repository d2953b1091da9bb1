/** Seed: 21 equal small circles on a 5-column grid, bounding box 0.89 x 0.89. Valid and weak (sum 0.945). */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[][] solve() {
        int n = 21;
        double[][] circles = new double[n][3];
        double radius = 0.045;
        double spacing = 0.2;
        int cols = 5;
        for (int i = 0; i < n; i++) {
            circles[i][0] = (i % cols) * spacing;
            circles[i][1] = (i / cols) * spacing;
            circles[i][2] = radius;
        }
        return circles;
    }
    // EVOLVE-BLOCK-END
}
