import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.geometry.CirclePackings;

/**
 * 21 disjoint circles, rows {x, y, r}, whose axis-aligned bounding box has width + height <= 2
 * (perimeter 4); maximize the sum of radii. Strict check in doubles with no epsilon: sqrt(dx^2 + dy^2)
 * >= r_i + r_j, (max(x+r) - min(x-r)) + (max(y+r) - min(y-r)) <= 2, r >= 0 (see CirclePackings).
 */
public class CirclesRectangle21Verifier implements Verifier {

    public Verification verify(Object output, double tolerance) {
        return CirclePackings.inRectangle((double[][]) output, 21, 2.0, tolerance);
    }

    public double violation(Object output) {
        return CirclePackings.violationMeasure((double[][]) output, 21, 2.0);
    }
}
