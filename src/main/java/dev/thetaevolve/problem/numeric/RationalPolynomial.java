package dev.thetaevolve.problem.numeric;

import org.apache.commons.math3.fraction.BigFraction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable polynomial with exact rational coefficients (commons-math3 {@link BigFraction}), with the
 * few operations exact real-root isolation needs: arithmetic, Euclidean division, gcd, derivative,
 * square-free factorisation (Yun) and Sturm sequences.
 */
public final class RationalPolynomial {

    public static final RationalPolynomial ZERO = new RationalPolynomial(new BigFraction[0]);
    public static final RationalPolynomial ONE = constant(BigFraction.ONE);
    /** The polynomial x. */
    public static final RationalPolynomial X = new RationalPolynomial(new BigFraction[] {BigFraction.ZERO, BigFraction.ONE});

    /** Coefficients, constant term first; the last one is non-zero (empty for the zero polynomial). */
    private final BigFraction[] c;

    private RationalPolynomial(BigFraction[] coefficients) {
        int n = coefficients.length;
        while (n > 0 && coefficients[n - 1].getNumerator().signum() == 0) n--;
        c = java.util.Arrays.copyOf(coefficients, n);
    }

    /** The polynomial Σ coefficients[i]·x^i. */
    public static RationalPolynomial of(BigFraction... coefficients) {
        return new RationalPolynomial(coefficients.clone());
    }

    public static RationalPolynomial constant(BigFraction value) {
        return new RationalPolynomial(new BigFraction[] {value});
    }

    /** −1 for the zero polynomial. */
    public int degree() {
        return c.length - 1;
    }

    public boolean isZero() {
        return c.length == 0;
    }

    /** The coefficient of x^i (zero beyond the degree). */
    public BigFraction coefficient(int i) {
        return i < c.length ? c[i] : BigFraction.ZERO;
    }

    /** The leading coefficient; zero for the zero polynomial. */
    public BigFraction leading() {
        return isZero() ? BigFraction.ZERO : c[c.length - 1];
    }

    public RationalPolynomial add(RationalPolynomial o) {
        BigFraction[] r = new BigFraction[Math.max(c.length, o.c.length)];
        for (int i = 0; i < r.length; i++) r[i] = coefficient(i).add(o.coefficient(i));
        return new RationalPolynomial(r);
    }

    public RationalPolynomial subtract(RationalPolynomial o) {
        return add(o.scale(BigFraction.MINUS_ONE));
    }

    public RationalPolynomial scale(BigFraction k) {
        BigFraction[] r = new BigFraction[c.length];
        for (int i = 0; i < r.length; i++) r[i] = c[i].multiply(k);
        return new RationalPolynomial(r);
    }

    public RationalPolynomial multiply(RationalPolynomial o) {
        if (isZero() || o.isZero()) return ZERO;
        BigFraction[] r = new BigFraction[c.length + o.c.length - 1];
        java.util.Arrays.fill(r, BigFraction.ZERO);
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < o.c.length; j++) r[i + j] = r[i + j].add(c[i].multiply(o.c[j]));
        }
        return new RationalPolynomial(r);
    }

    public RationalPolynomial derivative() {
        if (c.length <= 1) return ZERO;
        BigFraction[] r = new BigFraction[c.length - 1];
        for (int i = 1; i < c.length; i++) r[i - 1] = c[i].multiply(i);
        return new RationalPolynomial(r);
    }

    /** {quotient, remainder} of Euclidean division. @throws ArithmeticException when dividing by zero */
    public RationalPolynomial[] divide(RationalPolynomial d) {
        if (d.isZero()) throw new ArithmeticException("polynomial division by zero");
        BigFraction[] rem = c.clone();
        int qd = degree() - d.degree();
        if (qd < 0) return new RationalPolynomial[] {ZERO, this};
        BigFraction[] q = new BigFraction[qd + 1];
        for (int k = qd; k >= 0; k--) {
            BigFraction t = rem[k + d.degree()].divide(d.leading());
            q[k] = t;
            for (int j = 0; j <= d.degree(); j++) rem[k + j] = rem[k + j].subtract(t.multiply(d.c[j]));
        }
        return new RationalPolynomial[] {new RationalPolynomial(q), new RationalPolynomial(rem)};
    }

    /** The monic greatest common divisor (zero only when both are zero). */
    public RationalPolynomial gcd(RationalPolynomial o) {
        RationalPolynomial a = this, b = o;
        while (!b.isZero()) {
            RationalPolynomial r = a.divide(b)[1];
            a = b;
            b = r;
        }
        return a.isZero() ? a : a.scale(a.leading().reciprocal());
    }

    /** The exact value at a rational point (Horner). */
    public BigFraction evaluate(BigFraction x) {
        BigFraction r = BigFraction.ZERO;
        for (int i = c.length - 1; i >= 0; i--) r = r.multiply(x).add(c[i]);
        return r;
    }

    /** Sign (−1, 0, 1) at a rational point. */
    public int signAt(BigFraction x) {
        return Integer.signum(evaluate(x).compareTo(BigFraction.ZERO));
    }

    /**
     * The product of the square-free factors of odd multiplicity (Yun's algorithm), monic: its real roots
     * are exactly the real roots at which this polynomial changes sign, each simple.
     *
     * @throws ArithmeticException for the zero polynomial
     */
    public RationalPolynomial oddMultiplicityPart() {
        if (isZero()) throw new ArithmeticException("the zero polynomial has no factorisation");
        RationalPolynomial f = scale(leading().reciprocal());
        RationalPolynomial fp = f.derivative();
        RationalPolynomial a0 = f.gcd(fp);
        if (a0.isZero()) return ONE;
        RationalPolynomial b = f.divide(a0)[0];
        RationalPolynomial cc = fp.divide(a0)[0];
        RationalPolynomial d = cc.subtract(b.derivative());
        RationalPolynomial odd = ONE;
        for (int i = 1; b.degree() > 0; i++) {
            RationalPolynomial a = b.gcd(d);
            b = b.divide(a)[0];
            cc = d.divide(a)[0];
            d = cc.subtract(b.derivative());
            if (i % 2 == 1) odd = odd.multiply(a);
        }
        return odd;
    }

    /** The Sturm sequence p, p', −rem(p, p'), … of a square-free polynomial. */
    public List<RationalPolynomial> sturmSequence() {
        List<RationalPolynomial> s = new ArrayList<>();
        s.add(this);
        RationalPolynomial a = this, b = derivative();
        while (!b.isZero()) {
            s.add(b);
            RationalPolynomial r = a.divide(b)[1].scale(BigFraction.MINUS_ONE);
            a = b;
            b = r;
        }
        return s;
    }

    /** Sign changes of a Sturm sequence at x (zeros skipped). */
    static int signChanges(List<RationalPolynomial> sturm, BigFraction x) {
        int changes = 0, last = 0;
        for (RationalPolynomial p : sturm) {
            int s = p.signAt(x);
            if (s == 0) continue;
            if (last != 0 && s != last) changes++;
            last = s;
        }
        return changes;
    }

    /**
     * The largest real root of this square-free polynomial, as an interval (lo, hi] of width at most
     * {@code 2^-bits}·max(1,|hi|) that contains it ({lo = hi} when a bisection point hits the root
     * exactly), or null when there is no real root. Sturm bisection isolates it, sign bisection refines.
     */
    public BigFraction[] largestRealRoot(int bits) {
        if (degree() < 1) return null;
        List<RationalPolynomial> sturm = sturmSequence();
        BigFraction hi = rootBound();
        BigFraction lo = hi.negate();
        int atHi = signChanges(sturm, hi);
        if (signChanges(sturm, lo) - atHi == 0) return null;
        BigFraction two = new BigFraction(2);
        // isolate: Sturm counts until (lo, hi] holds exactly the largest root
        while (signChanges(sturm, lo) - atHi > 1) {
            BigFraction mid = lo.add(hi).divide(two);
            if (signChanges(sturm, mid) - atHi > 0) lo = mid; else hi = mid;
        }
        // refine: the root is simple, so p keeps sign(p(hi)) on (root, hi] and the opposite sign on (lo, root).
        // lo and hi are dyadic: bisect on integers L/2^k, H/2^k with an integer-coefficient multiple of p (no gcds)
        int atHiSign = signAt(hi);
        if (atHiSign == 0) return new BigFraction[] {hi, hi};
        BigInteger[] a = integerMultiple();
        int k = Math.max(lo.getDenominator().bitLength(), hi.getDenominator().bitLength()) - 1;
        BigInteger l = lo.getNumerator().shiftLeft(k - (lo.getDenominator().bitLength() - 1));
        BigInteger h = hi.getNumerator().shiftLeft(k - (hi.getDenominator().bitLength() - 1));
        while (h.subtract(l).shiftLeft(bits).compareTo(h.abs().max(BigInteger.ONE.shiftLeft(k))) > 0) {
            BigInteger m = l.add(h);
            k++;
            l = l.shiftLeft(1);
            h = h.shiftLeft(1);
            int sm = signAtDyadic(a, m, k);
            if (sm == 0) return new BigFraction[] {dyadic(m, k), dyadic(m, k)};
            if (sm == atHiSign) h = m; else l = m;
        }
        return new BigFraction[] {dyadic(l, k), dyadic(h, k)};
    }

    private static BigFraction dyadic(BigInteger numerator, int k) {
        return new BigFraction(numerator, BigInteger.ONE.shiftLeft(k));
    }

    /** This polynomial times the lcm of its denominators: integer coefficients, same signs everywhere. */
    private BigInteger[] integerMultiple() {
        BigInteger lcm = BigInteger.ONE;
        for (BigFraction f : c) lcm = lcm.divide(lcm.gcd(f.getDenominator())).multiply(f.getDenominator());
        BigInteger[] a = new BigInteger[c.length];
        for (int i = 0; i < c.length; i++) a[i] = c[i].getNumerator().multiply(lcm.divide(c[i].getDenominator()));
        return a;
    }

    /** Sign of Σ a_i x^i at x = m/2^k, from 2^(k·d)·p(x) = Σ a_i m^i 2^(k(d−i)) by Horner. */
    private static int signAtDyadic(BigInteger[] a, BigInteger m, int k) {
        int d = a.length - 1;
        BigInteger acc = a[d];
        for (int i = d - 1; i >= 0; i--) acc = acc.multiply(m).add(a[i].shiftLeft(k * (d - i)));
        return acc.signum();
    }

    /** An integer B with every real root in (−B, B) (Cauchy's bound 1 + max |c_i / c_n|, rounded up). */
    private BigFraction rootBound() {
        BigFraction bound = BigFraction.ONE;
        for (int i = 0; i < c.length - 1; i++) {
            BigFraction q = c[i].divide(leading()).abs();
            if (q.compareTo(bound) > 0) bound = q;
        }
        return new BigFraction(bound.getNumerator().divide(bound.getDenominator()).add(BigInteger.TWO));
    }

    /** The number of distinct real roots (Sturm's theorem). @throws ArithmeticException for zero */
    public int distinctRealRoots() {
        if (isZero()) throw new ArithmeticException("the zero polynomial has infinitely many roots");
        RationalPolynomial squareFree = divide(gcd(derivative()))[0];
        if (squareFree.degree() < 1) return 0;
        List<RationalPolynomial> s = squareFree.sturmSequence();
        BigFraction b = squareFree.rootBound();
        return signChanges(s, b.negate()) - signChanges(s, b);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = c.length - 1; i >= 0; i--) sb.append(sb.length() == 0 ? "" : " + ").append(c[i]).append("·x^").append(i);
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
