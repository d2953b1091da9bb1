import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.numeric.SignedAutocorrelation;

/**
 * Third autocorrelation inequality (AlphaEvolve B.3), minimize |2n·max_k (h*h)_k / (Σh)²| over signed
 * step heights: the absolute value of the largest SIGNED autoconvolution entry (not max |h*h|, which is
 * third_autocorrelation_c3_prime). No inequality constraint, so the tolerance changes nothing.
 */
public class ThirdAutocorrelationC3Verifier implements Verifier {
    public Verification verify(Object output, double tol) {
        return SignedAutocorrelation.verify((double[]) output, false);
    }
}
