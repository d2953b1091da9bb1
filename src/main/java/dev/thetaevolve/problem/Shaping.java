package dev.thetaevolve.problem;

/**
 * Reward shaping bounds (ThetaEvolve): {@code M·t^α} with {@code t = (clamp(x,A,B)−A)/(B−A)} when
 * maximizing and {@code (B−clamp(x,A,B))/(B−A)} when minimizing.
 */
public record Shaping(double a, double b, double alpha, double m) {
    public Shaping {
        if (!(b > a)) throw new IllegalArgumentException("shaping needs A < B, got A=" + a + " B=" + b);
        if (!(alpha > 0) || !(m > 0)) throw new IllegalArgumentException("shaping needs alpha > 0 and M > 0, got alpha=" + alpha + " M=" + m);
    }

    public double shape(double x, Direction direction) {
        double c = Math.max(a, Math.min(b, x));
        double t = direction == Direction.MAXIMIZE ? (c - a) / (b - a) : (b - c) / (b - a);
        return m * Math.pow(t, alpha);
    }
}
