package dev.thetaevolve.service;

/** The request clashes with a run's state (a name taken, a run busy elsewhere, a stop of a finished run); the API answers 409. */
public class Conflict extends IllegalStateException {
    /** SQLSTATE of a unique-key violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    public Conflict(String message) {
        super(message);
    }

    /**
     * Whether {@code t} (or a cause of it) is a database's unique-key violation: a row that another
     * transaction inserted first, found at flush or only at commit (then wrapped by the transaction's
     * interceptor), on H2 and PostgreSQL alike.
     */
    public static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.sql.SQLException s) {
                for (java.sql.SQLException n = s; n != null; n = n.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(n.getSQLState())) return true;
                }
            }
            for (Throwable sup : c.getSuppressed()) {
                if (isUniqueViolation(sup)) return true;
            }
        }
        return false;
    }
}
