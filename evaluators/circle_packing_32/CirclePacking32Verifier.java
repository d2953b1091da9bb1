import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.geometry.CirclePackings;

/**
 * Circle packing, 32 circles in the unit square, maximize the sum of radii; rows {x, y, r}. Strict check:
 * the AlphaEvolve notebook's, in doubles with no epsilon, plus r >= 0 (see CirclePackings).
 */
public class CirclePacking32Verifier implements Verifier {

    public Verification verify(Object output, double tolerance) {
        return CirclePackings.inUnitSquare((double[][]) output, 32, tolerance);
    }

    public double violation(Object output) {
        return CirclePackings.violationMeasure((double[][]) output, 32, Double.NaN);
    }
}
