package dev.thetaevolve.evaluate;

/** Which compiler produced a candidate's classes. */
public enum Tier {
    JANINO, JAVAC;

    /** Lower-case name as the CLI's JSON prints it. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
