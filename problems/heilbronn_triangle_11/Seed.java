/** Seed: 11 points evenly spaced on a circle inside the triangle. Valid and weak (score about 0.0124). */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[][] solve() {
        int n = 11;
        double cx = 0.5;
        double cy = Math.sqrt(3) / 6;
        double radius = 0.25;
        double phase = 0.1;
        double[][] points = new double[n][2];
        for (int i = 0; i < n; i++) {
            double a = phase + 2 * Math.PI * i / n;
            points[i][0] = cx + radius * Math.cos(a);
            points[i][1] = cy + radius * Math.sin(a);
        }
        return points;
    }
    // EVOLVE-BLOCK-END
}
