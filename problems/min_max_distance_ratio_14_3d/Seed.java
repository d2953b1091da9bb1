/** Seed: a full 3 x 3 layer plus 5 points of a second layer, unit spacing: ratio^2 = 9. Valid and weak. */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[][] solve() {
        int n = 14;
        int side = 3;
        double dx = 1.0;
        double dy = 1.0;
        double dz = 1.0;
        double[][] points = new double[n][3];
        for (int i = 0; i < n; i++) {
            points[i][0] = (i % side) * dx;
            points[i][1] = ((i / side) % side) * dy;
            points[i][2] = (i / (side * side)) * dz;
        }
        return points;
    }
    // EVOLVE-BLOCK-END
}
