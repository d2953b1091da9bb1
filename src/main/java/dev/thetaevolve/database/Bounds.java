package dev.thetaevolve.database;

/** Fixed bounds [low, high] of one grid dimension; values outside fall into the edge bins. */
public record Bounds(double low, double high) {
    public Bounds {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new IllegalArgumentException("bounds need finite low < high, got '[" + low + ", " + high + "]'");
        }
    }
}
