
/** Seed: a modulated step function of 60 signed steps (a constant scores 2). Valid and weak (about 1.869). */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[] solve() {
        int n = 60;
        double base = 1.0;
        double amplitude = 0.4;
        double frequency = 3.0;
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            double x = (i + 0.5) / n;
            h[i] = base + amplitude * Math.cos(frequency * Math.PI * x);
        }
        return h;
    }
    // EVOLVE-BLOCK-END
}
