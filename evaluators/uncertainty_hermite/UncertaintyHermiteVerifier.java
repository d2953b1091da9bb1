import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.numeric.HermiteUncertainty;

import java.util.HashMap;
import java.util.Map;

/**
 * Uncertainty inequality, Hermite form (AlphaEvolve B.4), minimize r²/(2π): the three doubles
 * [c0, c1, c2] are taken as exact rationals, P = c0·H0 + c1·H4 + c2·H8 + c3·H12 with c3 fixed by
 * P(0) = 0, r = the largest real root of P(x)/x² where it changes sign, found by exact Sturm-sequence
 * bisection. No inequality constraint, so the tolerance changes nothing.
 */
public class UncertaintyHermiteVerifier implements Verifier {

    public Verification verify(Object output, double tol) {
        double[] c = (double[]) output;
        if (c.length != 3) return Verification.invalid("expected exactly 3 coefficients [c0, c1, c2] (for H0, H4, H8), got " + c.length);
        for (int i = 0; i < 3; i++) {
            if (Double.isNaN(c[i]) || Double.isInfinite(c[i])) return Verification.invalid("coefficient c" + i + " is not finite: " + c[i]);
        }
        HermiteUncertainty.Result r;
        try {
            r = HermiteUncertainty.evaluate(c[0], c[1], c[2]);
        } catch (IllegalArgumentException e) {
            return Verification.invalid(e.getMessage());
        }
        Map<String, Double> m = new HashMap<String, Double>();
        m.put("bound", r.value());
        m.put("largest_sign_change_root", r.root());
        m.put("derived_c3", r.c3());
        m.put("sign_flipped", r.signFlipped() ? 1.0 : 0.0);
        m.put("sign_changing_roots", (double) r.signChangingRoots());
        return Verification.valid(r.value(), m);
    }
}
