import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.ReturnType;
import dev.thetaevolve.problem.geometry.HexagonPackings;

/**
 * 12 unit regular hexagons packed in a regular outer hexagon; minimize the outer side.
 *
 * <p>Return layout (double[13][]): rows 0..11 are {x, y, angleDeg} of the unit-side inner hexagons; row 12
 * is {cx, cy, side, angleDeg} of the outer hexagon. Vertex k of a hexagon is c + s*(cos(t + 2*pi*k/6),
 * sin(t + 2*pi*k/6)), t = angle in radians. Strict checks are the notebook's: separating-axis test over
 * both hexagons' edge normals, touching counts as intersecting; every inner vertex has cross product >= 0
 * against every outer edge (see HexagonPackings). fromJson converts the reference object layout.
 */
public class HexagonPacking12Verifier implements Verifier {

    public Verification verify(Object output, double tolerance) {
        return HexagonPackings.verify((double[][]) output, 12, tolerance);
    }

    public Object fromJson(Object json, ReturnType type) {
        return HexagonPackings.fromJson(json);
    }
}
