/** Seed: 14 points evenly spaced on a circle (a regular 14-gon). Valid and weak (score about 0.0141). */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[][] solve() {
        int n = 14;
        double radius = 1.0;
        double phase = 0.0;
        double[][] points = new double[n][2];
        for (int i = 0; i < n; i++) {
            double a = phase + 2 * Math.PI * i / n;
            points[i][0] = radius * Math.cos(a);
            points[i][1] = radius * Math.sin(a);
        }
        return points;
    }
    // EVOLVE-BLOCK-END
}
