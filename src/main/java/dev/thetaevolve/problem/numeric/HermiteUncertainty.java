package dev.thetaevolve.problem.numeric;

import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The Hermite form of the uncertainty-inequality bound (AlphaEvolve, section B.4), in exact rational
 * arithmetic: P = c0·H0 + c1·H4 + c2·H8 + c3·H12 with c3 chosen so that P(0) = 0, P flipped if it tends
 * to −∞, r = the largest real root of P(x)/x² at which it changes sign, value r²/(2π).
 */
public final class HermiteUncertainty {

    /** What the construction gives. {@code root} is r rounded to the nearest double. */
    public record Result(double value, double root, double c3, boolean signFlipped, int signChangingRoots) {
    }

    private static final int[] DEGREES = {0, 4, 8, 12};
    private static final RationalPolynomial[] HERMITE = new RationalPolynomial[13];

    static {
        // physicists' Hermite: H0 = 1, H1 = 2x, H_{n+1} = 2x·H_n − 2n·H_{n−1}
        HERMITE[0] = RationalPolynomial.ONE;
        HERMITE[1] = RationalPolynomial.X.scale(new BigFraction(2));
        for (int n = 1; n < 12; n++) {
            HERMITE[n + 1] = RationalPolynomial.X.multiply(HERMITE[n]).scale(new BigFraction(2))
                    .subtract(HERMITE[n - 1].scale(new BigFraction(2 * n)));
        }
    }

    private HermiteUncertainty() {
    }

    /** The physicists' Hermite polynomial H_n, n = 0 … 12. */
    public static RationalPolynomial hermite(int n) {
        return HERMITE[n];
    }

    /**
     * Evaluates three finite coefficients, taken as the exact rationals of the doubles.
     *
     * @throws IllegalArgumentException with a reason a model can act on when P is identically zero or
     *                                  P(x)/x² has no real root at which it changes sign
     */
    public static Result evaluate(double c0, double c1, double c2) {
        BigFraction[] k = {new BigFraction(c0), new BigFraction(c1), new BigFraction(c2)};
        BigFraction atZero = BigFraction.ZERO;
        for (int i = 0; i < 3; i++) atZero = atZero.add(k[i].multiply(HERMITE[DEGREES[i]].coefficient(0)));
        BigFraction c3 = atZero.negate().divide(HERMITE[12].coefficient(0));
        RationalPolynomial p = RationalPolynomial.ZERO;
        for (int i = 0; i < 3; i++) p = p.add(HERMITE[DEGREES[i]].scale(k[i]));
        p = p.add(HERMITE[12].scale(c3));
        if (p.isZero()) throw new IllegalArgumentException("all coefficients are zero, so P is identically zero");
        boolean flipped = p.leading().compareTo(BigFraction.ZERO) < 0;
        if (flipped) p = p.scale(BigFraction.MINUS_ONE);
        // P(0) = 0 and P is even, so x² divides P exactly
        RationalPolynomial[] qr = p.divide(RationalPolynomial.X.multiply(RationalPolynomial.X));
        if (!qr[1].isZero()) throw new IllegalStateException("P(0) = 0 but x^2 does not divide P: " + p);
        RationalPolynomial odd = qr[0].oddMultiplicityPart();
        BigFraction[] root = odd.largestRealRoot(96);
        if (root == null) {
            throw new IllegalArgumentException("P(x)/x^2 has no real root at which it changes sign (P = " + p + "), so the bound is undefined");
        }
        int count = odd.distinctRealRoots();
        double r = nearest(root[1]);
        BigDecimal r2 = decimal(root[1].multiply(root[1]));
        double value = r2.divide(new BigDecimal(2 * Math.PI), MathContext.DECIMAL128).doubleValue();
        return new Result(value, r, c3.doubleValue(), flipped, count);
    }

    private static BigDecimal decimal(BigFraction f) {
        return new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator()), new MathContext(40));
    }

    private static double nearest(BigFraction f) {
        return Summation.nearestDouble(decimal(f));
    }
}
