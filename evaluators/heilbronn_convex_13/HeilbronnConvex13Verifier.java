import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.geometry.Heilbronn;

/**
 * Heilbronn problem for 13 points in a convex region; rows {x, y}; maximize min triangle area / area of
 * the points' convex hull. Valid iff finite and not all collinear (see Heilbronn).
 */
public class HeilbronnConvex13Verifier implements Verifier {

    public Verification verify(Object output, double tolerance) {
        return Heilbronn.inConvexHull((double[][]) output, 13);
    }
}
