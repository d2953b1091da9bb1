package dev.thetaevolve.cli;

import java.nio.file.Path;

/** Turns the argv flags that must be known before Quarkus boots into system properties. */
final class LaunchOptions {
    private LaunchOptions() {
    }

    static void apply(String[] args) {
        boolean serve = args.length > 0 && args[0].equals("serve");
        // overwrite every time: system properties persist across launches inside one test JVM
        System.setProperty("quarkus.http.host-enabled", Boolean.toString(serve));
        String port = value(args, "--port");
        if (serve && port != null) System.setProperty("quarkus.http.port", port);
        String db = value(args, "--db");
        if (db != null) {
            System.setProperty("quarkus.datasource.jdbc.url", toJdbcUrl(db));
        } else {
            System.clearProperty("quarkus.datasource.jdbc.url");
        }
    }

    /** A JDBC URL is kept; a path becomes an H2 file database that two processes may open at once. */
    static String toJdbcUrl(String db) {
        if (db.startsWith("jdbc:")) return db;
        String p = Path.of(db).toAbsolutePath().toString();
        if (p.endsWith(".mv.db")) p = p.substring(0, p.length() - ".mv.db".length());
        return "jdbc:h2:file:" + p + ";AUTO_SERVER=TRUE";
    }

    private static String value(String[] args, String flag) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(flag) && i + 1 < args.length) return args[i + 1];
            if (args[i].startsWith(flag + "=")) return args[i].substring(flag.length() + 1);
        }
        return null;
    }
}
