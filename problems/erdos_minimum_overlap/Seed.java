
/**
 * Seed: 100 heights in complementary pairs (a, 1 - a) with a >= 1/2, so 1 - a is exact and the sum is
 * exactly n/2 whatever the shape. Valid and weak (about 0.470; the constant 1/2 scores 0.5).
 */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[] solve() {
        int n = 100;
        double amplitude = 0.3;
        double frequency = 1.0;
        double[] h = new double[n];
        for (int i = 0; i < n / 2; i++) {
            double x = (i + 0.5) / n;
            double d = amplitude * Math.sin(frequency * Math.PI * x);
            double big = Math.min(1.0, 0.5 + Math.abs(d));
            double small = 1.0 - big; // exact: big lies in [1/2, 1]
            h[i] = d >= 0 ? big : small;
            h[n - 1 - i] = d >= 0 ? small : big;
        }
        return h;
    }
    // EVOLVE-BLOCK-END
}
