import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;

import java.util.HashMap;
import java.util.Map;

/**
 * Circle packing, 26 circles in the unit square, maximize the sum of radii. The strict check is the
 * AlphaEvolve notebook's, in doubles with no epsilon: d(i,j) = sqrt(dx^2 + dy^2) >= r_i + r_j and
 * min(x,y) - r >= 0, max(x,y) + r <= 1; plus r >= 0, which the notebook forgot.
 */
public class CirclePacking26Verifier implements Verifier {
    private static final int N = 26;

    public Verification verify(Object output, double tol) {
        double[][] c = (double[][]) output;
        if (c.length != N) return Verification.invalid("expected " + N + " circles (rows {x, y, r}), got " + c.length);
        for (int i = 0; i < N; i++) {
            if (c[i] == null || c[i].length != 3) return Verification.invalid("row " + i + " must hold exactly 3 numbers {x, y, r}");
            for (int k = 0; k < 3; k++) {
                if (Double.isNaN(c[i][k]) || Double.isInfinite(c[i][k])) return Verification.invalid("row " + i + " holds a non-finite number: " + c[i][k]);
            }
            if (c[i][2] < 0) return Verification.invalid("circle " + i + " has negative radius " + c[i][2]);
        }
        double minBorder = Double.POSITIVE_INFINITY;
        for (int i = 0; i < N; i++) {
            double x = c[i][0], y = c[i][1], r = c[i][2];
            double m = Math.min(Math.min(x - r, y - r), Math.min(1 - (x + r), 1 - (y + r)));
            if (Math.min(x, y) - r < -tol || Math.max(x, y) + r > 1 + tol) {
                return Verification.invalid("circle " + i + " at (" + x + ", " + y + ") with r=" + r + " leaves the unit square by " + (-m));
            }
            minBorder = Math.min(minBorder, m);
        }
        double minGap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < N; i++) {
            for (int j = i + 1; j < N; j++) {
                double dx = c[i][0] - c[j][0], dy = c[i][1] - c[j][1];
                double d = Math.sqrt(dx * dx + dy * dy);
                double gap = d - (c[i][2] + c[j][2]);
                if (d < c[i][2] + c[j][2] - tol) {
                    return Verification.invalid("circles " + i + " and " + j + " overlap by " + (-gap));
                }
                minGap = Math.min(minGap, gap);
            }
        }
        double sum = 0, comp = 0;
        for (int i = 0; i < N; i++) { // Neumaier summation: order-independent to the last bit in practice
            double r = c[i][2], t = sum + r;
            comp += Math.abs(sum) >= Math.abs(r) ? (sum - t) + r : (r - t) + sum;
            sum = t;
        }
        Map<String, Double> metrics = new HashMap<String, Double>();
        metrics.put("sum_radii", sum + comp);
        metrics.put("min_pair_gap", minGap);
        metrics.put("min_border_gap", minBorder);
        return Verification.valid(sum + comp, metrics);
    }
}
