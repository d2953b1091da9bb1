import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.geometry.Heilbronn;

/**
 * Heilbronn problem for 11 points in the equilateral triangle (0,0), (1,0), (1/2, sqrt(3)/2); rows {x, y};
 * maximize min triangle area / (sqrt(3)/4). Containment uses the notebook's double expressions
 * y >= 0, sqrt(3)*x <= sqrt(3) - y, y <= sqrt(3)*x, which accept points on the edges (see Heilbronn).
 */
public class HeilbronnTriangle11Verifier implements Verifier {

    public Verification verify(Object output, double tolerance) {
        return Heilbronn.inUnitTriangle((double[][]) output, 11, tolerance);
    }
}
