package dev.thetaevolve.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.service.Constructions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 30.2 ({@link LeaderboardDedupe}) on a store whose leaderboard filled up before 30.1 gave entries
 * a construction hash, on H2 and on this machine's PostgreSQL (a database of its own, dropped afterwards):
 * duplicates seeded the old way are folded into the oldest entry, the survivors get their hash, and a
 * duplicate stored between 30.1 and 30.2 (the old entry had no hash to match) is folded too.
 */
class LeaderboardDedupeMigrationTest {
    private static final String A = "{\"centers\":[[0.5,0.5]],\"radii\":[0.1]}";
    private static final String A_AGAIN = "{\"radii\":[1e-1], \"centers\":[[0.50,5E-1]]}"; // same numbers, other text
    private static final String B = "{\"centers\":[[0.25,0.75]],\"radii\":[0.2]}";
    private static final String C = "{\"centers\":[[0.1,0.9]],\"radii\":[0.05]}";
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void oldDuplicates_areFoldedIntoTheOldestEntry_andGetTheirHash(String vendor) throws Exception {
        try (Db db = Db.open(vendor)) {
            Flyway before = db.flyway("10.1"); // the last version before 30.1
            before.migrate();
            assertThat(db.columns()).doesNotContain("datahash");
            db.insert(1, "cp", A, 0, null);
            db.insert(2, "cp", A_AGAIN, 1, null);     // the same construction again: folded into 1
            db.insert(3, "cp", B, 2, null);
            db.insert(4, "other", A, 3, null);       // another problem's board: kept
            db.insert(5, "cp", A, 4, 7L);            // a run's entry: kept, one per run as before
            db.insert(6, "cp", C, 9, null);          // newer by time though its id is smaller than 7's: folded into 7
            db.insert(7, "cp", C, 8, null);
            db.insert(8, "cp", "not json", 10, null); // left alone, without a hash
            db.flyway("30.1").migrate();
            // after 30.1, before 30.2: B submitted again got stored, as entry 3 had no hash to match
            db.insert(9, "cp", B, 11, null);
            db.execute("update leaderboard_entries set dataHash = '" + hash(B) + "' where id = 9");

            db.flyway(null).migrate();

            Map<Long, String> left = db.entries();
            assertThat(left.keySet()).containsExactly(1L, 3L, 4L, 5L, 7L, 8L);
            assertThat(left.get(1L)).isEqualTo(hash(A));
            assertThat(left.get(3L)).isEqualTo(hash(B));
            assertThat(left.get(5L)).isEqualTo(hash(A));
            assertThat(left.get(7L)).isEqualTo(hash(C));
            assertThat(left.get(8L)).isNull();
            assertThat(db.flyway(null).info().applied()).filteredOn(m -> m.getVersion().getVersion().equals("30.2"))
                    .singleElement().satisfies(m -> {
                        assertThat(m.getDescription()).isEqualTo("leaderboard fold old duplicates");
                        assertThat(m.getState().isFailed()).isFalse();
                    });
        }
    }

    private static String hash(String json) throws Exception {
        return Constructions.hash(new ObjectMapper().readValue(json, Object.class));
    }

    /** An empty database: H2 in memory, or a fresh PostgreSQL database beside {@code test}. */
    private record Db(String vendor, String url, String user, String adminUrl, String name, Connection c) implements AutoCloseable {
        static Db open(String vendor) throws SQLException {
            if (vendor.equals("h2")) {
                String url = "jdbc:h2:mem:dedupe" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
                return new Db(vendor, url, "sa", null, null, DriverManager.getConnection(url, "sa", ""));
            }
            String admin = "jdbc:postgresql://127.0.0.1:5432/test";
            String name = "thetaevolve_dedupe_" + ProcessHandle.current().pid();
            try (Connection a = DriverManager.getConnection(admin, "postgres", ""); Statement s = a.createStatement()) {
                s.execute("drop database if exists " + name);
                s.execute("create database " + name);
            } catch (SQLException e) {
                Assumptions.abort("PostgreSQL does not answer at " + admin + ": " + e.getMessage());
            }
            String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
            return new Db(vendor, url, "postgres", admin, name, DriverManager.getConnection(url, "postgres", ""));
        }

        Flyway flyway(String target) {
            var config = Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration/" + vendor);
            if (target != null) config.target(target);
            return config.load();
        }

        void insert(long id, String problem, String data, int minutes, Long runId) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("insert into leaderboard_entries (id, problem, score, submitter, data, createdAt, runId) "
                    + "values (?, ?, 1.5, 'alice', ?, ?, ?)")) {
                s.setLong(1, id);
                s.setString(2, problem);
                s.setString(3, data);
                s.setObject(4, T0.plusMinutes(minutes));
                s.setObject(5, runId);
                s.executeUpdate();
            }
        }

        void execute(String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }

        java.util.List<String> columns() throws SQLException {
            java.util.List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, null, vendor.equals("h2") ? "LEADERBOARD_ENTRIES" : "leaderboard_entries", null)) {
                while (rs.next()) out.add(rs.getString("COLUMN_NAME").toLowerCase());
            }
            return out;
        }

        /** id → dataHash, by id. */
        Map<Long, String> entries() throws SQLException {
            Map<Long, String> out = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, dataHash from leaderboard_entries order by id")) {
                while (rs.next()) out.put(rs.getLong(1), rs.getString(2));
            }
            return out;
        }

        @Override
        public void close() throws SQLException {
            c.close();
            if (name == null) return;
            try (Connection a = DriverManager.getConnection(adminUrl, "postgres", ""); Statement s = a.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        }
    }
}
