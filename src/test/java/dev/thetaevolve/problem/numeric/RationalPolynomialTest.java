package dev.thetaevolve.problem.numeric;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RationalPolynomialTest {

    private static RationalPolynomial poly(long... c) {
        BigFraction[] f = new BigFraction[c.length];
        for (int i = 0; i < c.length; i++) f[i] = new BigFraction(c[i]);
        return RationalPolynomial.of(f);
    }

    /** (x − a) as a polynomial. */
    private static RationalPolynomial root(long a) {
        return poly(-a, 1);
    }

    @Test
    void divide_productByFactor_exactQuotientZeroRemainder() {
        RationalPolynomial p = root(2).multiply(root(-3)).multiply(poly(1, 0, 1));
        RationalPolynomial[] qr = p.divide(root(2));

        assertThat(qr[1].isZero()).isTrue();
        assertThat(qr[0].multiply(root(2)).subtract(p).isZero()).isTrue();
    }

    @Test
    void oddMultiplicityPart_mixedMultiplicities_keepsOnlyOddRoots() {
        // (x-1)^2 (x-2)^3 (x-5) (x^2+1): sign changes only at 2 and 5
        RationalPolynomial p = root(1).multiply(root(1)).multiply(root(2)).multiply(root(2)).multiply(root(2))
                .multiply(root(5)).multiply(poly(1, 0, 1)).scale(new BigFraction(-3, 7));

        RationalPolynomial odd = p.oddMultiplicityPart();

        assertThat(odd.subtract(root(2).multiply(root(5)).multiply(poly(1, 0, 1))).isZero()).isTrue();
    }

    @Test
    void largestRealRoot_evenLargestRoot_skippedByOddPart() {
        // (x-7)^2 (x-3): P >= 0 near 7, so the largest sign-changing root is 3
        RationalPolynomial p = root(7).multiply(root(7)).multiply(root(3));

        BigFraction[] r = p.oddMultiplicityPart().largestRealRoot(60);

        assertThat(r[0]).isLessThan(new BigFraction(3));
        assertThat(r[1].doubleValue()).isEqualTo(3.0);
    }

    @Test
    void largestRealRoot_sqrt2_fullDoublePrecision() {
        BigFraction[] r = poly(-2, 0, 1).largestRealRoot(80);

        assertThat(r[1].doubleValue()).isCloseTo(Math.sqrt(2), org.assertj.core.api.Assertions.within(Math.ulp(Math.sqrt(2))));
        assertThat(r[1].subtract(r[0]).doubleValue()).isLessThan(Math.pow(2, -79));
    }

    @Test
    void largestRealRoot_noRealRoot_null() {
        assertThat(poly(1, 0, 1).largestRealRoot(60)).isNull();
        assertThat(poly(1, 0, 1).distinctRealRoots()).isZero();
    }

    @Test
    void distinctRealRoots_repeatedRoots_countedOnce() {
        assertThat(root(1).multiply(root(1)).multiply(root(-4)).distinctRealRoots()).isEqualTo(2);
    }
}
