package dev.thetaevolve.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Turns the argv flags that must be known before Quarkus boots into system properties. */
final class LaunchOptions {
    /** Commands that open no database: the REST clients (see ApiClient) and the store-free evaluator commands. */
    static final Set<String> REST_CLIENT_COMMANDS = Set.of("leaderboard", "submit", "watch", "evaluate", "verify", "bench", "evaluator");

    /**
     * What the REST client commands run with: Hibernate starts offline and checks no schema, and Flyway
     * neither cleans nor migrates, so they open no database (and create no ./data folder). Not
     * {@code quarkus.hibernate-orm.active=false}: a store bean that injects EntityManager directly then
     * fails the start-up. The %test keys outrank the plain ones under the test profile.
     */
    static final Map<String, String> REST_CLIENT_PROPERTIES = Map.of(
            "quarkus.hibernate-orm.database.start-offline", "true",
            "quarkus.hibernate-orm.schema-management.strategy", "none",
            "%test.quarkus.hibernate-orm.schema-management.strategy", "none",
            "quarkus.flyway.migrate-at-start", "false",
            "%test.quarkus.flyway.migrate-at-start", "false",
            "%test.quarkus.flyway.clean-at-start", "false");

    private LaunchOptions() {
    }

    /** Applies the flags; returns an error message for a database that cannot be used, else null. */
    static String apply(String[] args) {
        boolean serve = args.length > 0 && args[0].equals("serve");
        // DJL (the RL learner) loads PyTorch from the bundled native jar; it must never try the network
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        // overwrite every time: system properties persist across launches inside one test JVM
        System.setProperty("quarkus.http.host-enabled", Boolean.toString(serve));
        boolean restClient = args.length > 0 && REST_CLIENT_COMMANDS.contains(args[0]);
        REST_CLIENT_PROPERTIES.forEach((key, value) -> setOrClear(key, restClient ? value : null));
        String port = value(args, "--port");
        if (serve && port != null) System.setProperty("quarkus.http.port", port);
        String db = value(args, "--db");
        if (db == null) {
            System.clearProperty("quarkus.datasource.jdbc.url");
            return null;
        }
        if (!db.startsWith("jdbc:")) {
            String problem = checkH2File(db);
            if (problem != null) return problem;
        }
        System.setProperty("quarkus.datasource.jdbc.url", toJdbcUrl(db));
        return null;
    }

    /** A JDBC URL is kept; a path becomes an H2 file database that two processes may open at once. */
    static String toJdbcUrl(String db) {
        if (db.startsWith("jdbc:")) return db;
        return "jdbc:h2:file:" + h2Base(db) + ";AUTO_SERVER=TRUE;COMPRESS=TRUE;WRITE_DELAY=0"; // code compresses ~5x; a commit is on disk before it returns
    }

    private static String h2Base(String db) {
        String p = Path.of(db).toAbsolutePath().toString();
        return p.endsWith(".mv.db") ? p.substring(0, p.length() - ".mv.db".length()) : p;
    }

    /** An existing file must be an H2 database; a new one needs a writable folder. */
    static String checkH2File(String db) {
        Path file = Path.of(h2Base(db) + ".mv.db");
        if (Files.exists(file)) {
            if (!Files.isReadable(file)) return "cannot read database " + file + ": permission denied";
            try (InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(3);
                if (!new String(head, StandardCharsets.ISO_8859_1).equals("H:2")) return "cannot read database " + file + ": not an H2 database file";
            } catch (IOException e) {
                return "cannot read database " + file + ": " + e.getMessage();
            }
            return null;
        }
        Path dir = file.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) dir = dir.getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) return "cannot create database " + file + ": folder not writable";
        return null;
    }

    /** The H2 database of the default configuration (application.properties), as a file base name. */
    static final String DEFAULT_H2 = "./data/thetaevolve";

    /**
     * For {@code serve}: when the H2 file it is about to open is held by another live process (its lock
     * file names an AUTO_SERVER port that answers), the advice that replicas belong on PostgreSQL; else
     * null. This process would reach the database through the holder's TCP server, about ten times slower
     * (issue 14 measured 1.4 steps/s against 15 on the owner).
     */
    static String h2HolderAdvice(String[] args) {
        String db = value(args, "--db");
        String url = db != null ? toJdbcUrl(db) : System.getProperty("quarkus.datasource.jdbc.url",
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + DEFAULT_H2));
        if (!url.startsWith("jdbc:h2:file:")) return null;
        String base = url.substring("jdbc:h2:file:".length());
        int semi = base.indexOf(';');
        if (semi >= 0) base = base.substring(0, semi);
        String holder = h2Holder(Path.of(base + ".lock.db"));
        if (holder == null) return null;
        return "note: the H2 database " + base + ".mv.db is held by another process (its server at " + holder + "): this serve reaches it "
                + "through that process, about ten times slower. H2 is for one serve (plus CLI readers); run replicas on PostgreSQL "
                + "(README, 'Replicas').";
    }

    /** The host:port of the live process that holds an H2 database through AUTO_SERVER, from its lock file; null when none answers. */
    static String h2Holder(Path lockFile) {
        if (!Files.isRegularFile(lockFile)) return null;
        java.util.Properties p = new java.util.Properties();
        try (InputStream in = Files.newInputStream(lockFile)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        String server = p.getProperty("server");
        int colon = server == null ? -1 : server.lastIndexOf(':');
        if (colon < 0) return null;
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1))), 500);
            return server;
        } catch (IOException | IllegalArgumentException e) {
            return null; // a stale lock file: nobody holds it
        }
    }

    private static void setOrClear(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }

    private static String value(String[] args, String flag) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(flag) && i + 1 < args.length) return args[i + 1];
            if (args[i].startsWith(flag + "=")) return args[i].substring(flag.length() + 1);
        }
        return null;
    }
}
