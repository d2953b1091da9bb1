import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.numeric.Bareiss;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Maximal determinant of a 29×29 ±1 matrix, maximize |det| / 1270698346568170340352 (the normalisation
 * the published ratios use; best known ratio 0.935673). The determinant is exact (Bareiss, BigInteger);
 * every entry must be exactly +1 or −1, so the tolerance is ignored.
 */
public class Hadamard29Verifier implements Verifier {
    private static final int N = 29;
    private static final BigInteger NORM = new BigInteger("1270698346568170340352");

    public Verification verify(Object output, double tol) {
        int[][] a = (int[][]) output;
        if (a.length != N) return Verification.invalid("expected " + N + " rows, got " + a.length);
        for (int i = 0; i < N; i++) {
            if (a[i] == null || a[i].length != N) return Verification.invalid("row " + i + " must hold exactly " + N + " entries, got " + (a[i] == null ? "null" : String.valueOf(a[i].length)));
            for (int j = 0; j < N; j++) {
                if (a[i][j] != 1 && a[i][j] != -1) return Verification.invalid("entry (" + i + ", " + j + ") is " + a[i][j] + "; every entry must be +1 or -1");
            }
        }
        BigInteger det = Bareiss.determinant(a).abs();
        double ratio = new BigDecimal(det).divide(new BigDecimal(NORM), MathContext.DECIMAL64).doubleValue();
        Map<String, Double> m = new HashMap<String, Double>();
        m.put("ratio", ratio);
        m.put("abs_determinant", det.doubleValue());
        m.put("abs_determinant_over_2^28", det.shiftRight(28).doubleValue());
        return Verification.valid(ratio, m);
    }
}
