import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.geometry.CirclePackings;

/**
 * Circle packing, 26 circles in the unit square, maximize the sum of radii. The strict check is the
 * AlphaEvolve notebook's, in doubles with no epsilon: d(i,j) = sqrt(dx^2 + dy^2) >= r_i + r_j and
 * min(x,y) - r >= 0, max(x,y) + r <= 1; plus r >= 0, which the notebook forgot. Tolerant mode shrinks a
 * tolerant-only packing to a strict one (see CirclePackings).
 */
public class CirclePacking26Verifier implements Verifier {

    public Verification verify(Object output, double tolerance) {
        return CirclePackings.inUnitSquare((double[][]) output, 26, tolerance);
    }

    public double violation(Object output) {
        return CirclePackings.violationMeasure((double[][]) output, 26, Double.NaN);
    }
}
