/**
 * Seed: the 12 points of a triangular lattice (spacing 2.2) nearest the origin carry unrotated unit
 * hexagons; the outer hexagon's apothem covers their circumscribed circles. Valid and weak (side about 5.56).
 */
public class Seed {
    // EVOLVE-BLOCK-START
    public static double[][] solve() {
        int n = 12;
        double spacing = 2.2;
        double innerAngle = 0.0;
        double outerAngle = 0.0;
        double margin = 1e-6;
        int range = 3;
        int m = (2 * range + 1) * (2 * range + 1);
        double[] xs = new double[m];
        double[] ys = new double[m];
        double[] ds = new double[m];
        int c = 0;
        for (int i = -range; i <= range; i++) {
            for (int j = -range; j <= range; j++) {
                xs[c] = spacing * (i + 0.5 * j);
                ys[c] = spacing * j * Math.sqrt(3) / 2;
                ds[c] = Math.sqrt(xs[c] * xs[c] + ys[c] * ys[c]);
                c++;
            }
        }
        double[][] out = new double[n + 1][];
        double reach = 0;
        for (int k = 0; k < n; k++) {
            int best = k;
            for (int q = k + 1; q < m; q++) {
                if (ds[q] < ds[best]) best = q;
            }
            double tx = xs[k], ty = ys[k], td = ds[k];
            xs[k] = xs[best]; ys[k] = ys[best]; ds[k] = ds[best];
            xs[best] = tx; ys[best] = ty; ds[best] = td;
            out[k] = new double[] {xs[k], ys[k], innerAngle};
            reach = Math.max(reach, ds[k] + 1);
        }
        double side = 2 * reach / Math.sqrt(3) + margin;
        out[n] = new double[] {0.0, 0.0, side, outerAngle};
        return out;
    }
    // EVOLVE-BLOCK-END
}
