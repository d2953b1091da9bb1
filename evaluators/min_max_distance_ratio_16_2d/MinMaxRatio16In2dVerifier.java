import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.geometry.DistanceRatio;

/**
 * 16 points in R^2, rows {x, y}; minimize (max pairwise distance / min pairwise distance)^2, the squared
 * ratio as the notebook stores it. Valid iff finite and pairwise distinct (see DistanceRatio).
 */
public class MinMaxRatio16In2dVerifier implements Verifier {

    public Verification verify(Object output, double tolerance) {
        return DistanceRatio.verify((double[][]) output, 16, 2);
    }
}
