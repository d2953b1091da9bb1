import dev.thetaevolve.problem.Verification;
import dev.thetaevolve.problem.Verifier;
import dev.thetaevolve.problem.numeric.SumsDifferences;

import java.util.HashMap;
import java.util.Map;

/**
 * Sums and differences (AlphaEvolve B.6, set U1), maximize 1 + log(|U−U| / |U+U|) / log(2·max U + 1) for
 * a set U of non-negative integers that contains 0, with |U−U| <= 2·max U + 1. U is a set: repeated
 * elements count once (as the notebook's set arithmetic does), reported in the metric "repeats".
 * Exact integer counting: the tolerance is ignored.
 */
public class SumsDifferencesC6U1Verifier implements Verifier {

    public Verification verify(Object output, double tol) {
        int[] u = (int[]) output;
        if (u.length == 0) return Verification.invalid("the set is empty; it must contain 0 and at least one positive integer");
        if (u.length > SumsDifferences.MAX_SIZE) return Verification.invalid("at most " + SumsDifferences.MAX_SIZE + " elements are checked, got " + u.length);
        boolean hasZero = false;
        int max = 0;
        for (int i = 0; i < u.length; i++) {
            if (u[i] < 0) return Verification.invalid("element " + i + " is negative (" + u[i] + "); all elements must be >= 0");
            if (u[i] > SumsDifferences.MAX_ELEMENT) return Verification.invalid("element " + i + " is " + u[i] + "; elements above " + SumsDifferences.MAX_ELEMENT + " are not checked");
            if (u[i] == 0) hasZero = true;
            max = Math.max(max, u[i]);
        }
        if (!hasZero) return Verification.invalid("the set must contain 0");
        if (max == 0) return Verification.invalid("the set must contain a positive integer besides 0");
        SumsDifferences.Counts k = SumsDifferences.count(u);
        long bound = 2L * max + 1;
        if (k.differences() > bound) return Verification.invalid("|U-U| = " + k.differences() + " exceeds 2*max(U)+1 = " + bound);
        double value = 1 + Math.log((double) k.differences() / k.sums()) / Math.log(bound);
        Map<String, Double> m = new HashMap<String, Double>();
        m.put("c6_bound", value);
        m.put("size", (double) k.distinct());
        m.put("repeats", (double) (u.length - k.distinct()));
        m.put("max_u", (double) max);
        m.put("size_u_minus_u", (double) k.differences());
        m.put("size_u_plus_u", (double) k.sums());
        return Verification.valid(value, m);
    }
}
