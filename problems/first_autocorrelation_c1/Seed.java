
/** Seed: a gently modulated bump of 60 non-negative steps. Valid and weak (about 2.06; a constant scores 2). */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[] solve() {
        int n = 60;
        double base = 1.0;
        double amplitude = 0.25;
        double frequency = 2.0;
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            double x = (i + 0.5) / n;
            h[i] = Math.max(0.0, base + amplitude * Math.cos(frequency * Math.PI * x));
        }
        return h;
    }
    // EVOLVE-BLOCK-END
}
