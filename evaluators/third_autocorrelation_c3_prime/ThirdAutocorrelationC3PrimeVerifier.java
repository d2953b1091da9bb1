import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.numeric.SignedAutocorrelation;

/**
 * Third autocorrelation inequality, C3' variant (AlphaEvolve B.3), minimize 2n·max_k |(h*h)_k| / (Σh)²
 * over signed step heights: the largest ABSOLUTE autoconvolution entry. No inequality constraint, so
 * the tolerance changes nothing.
 */
public class ThirdAutocorrelationC3PrimeVerifier implements Verifier {
    public Verification verify(Object output, double tol) {
        return SignedAutocorrelation.verify((double[]) output, true);
    }
}
