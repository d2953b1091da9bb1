
/** Seed: coefficients near Gonçalves et al. (2017), detuned. Valid and weak (about 0.958). */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[] solve() {
        double c0 = -1.0;
        double c1 = 0.04;
        double c2 = 0.0003;
        return new double[] {c0, c1, c2};
    }
    // EVOLVE-BLOCK-END
}
