package dev.thetaevolve.store;

import dev.thetaevolve.service.RunService;
import dev.thetaevolve.service.RunSettings;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store left by thetaevolve 0.1.0 (schema made by Hibernate, no migration history; checked in under
 * src/test/resources/upgrade) starts, is baselined and migrated by Flyway, passes Hibernate's validation,
 * and its finished run resumes for one more step. On H2, or on PostgreSQL with -Ppostgres (then in a
 * database of its own, dropped afterwards).
 */
@QuarkusTest
@TestProfile(StoreUpgradeTest.Store010.class)
class StoreUpgradeTest {

    @Inject
    Flyway flyway;
    @Inject
    StoreService store;
    @Inject
    RunService runs;

    @Test
    void store010_baselinedMigratedAndResumed() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied[0].getState()).as("0.1.0's tables are taken as version 1").isEqualTo(MigrationState.BASELINE);
        assertThat(applied[0].getVersion().getVersion()).isEqualTo("1");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(applied).as("Quarkus finds the Java migrations too").anyMatch(m -> m.getVersion().getVersion().equals("30.2"));

        RunView run = store.run("upgrade-fixture");
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.committedSteps()).isEqualTo(1);
        RunSettings stored = runs.settings(run);
        assertThat(stored.engine().parents()).isEqualTo(2);
        // the 0.1.0 row predates search mode, remote evaluators and LLM limits: each reads as its default
        assertThat(stored.engine().mode()).isEqualTo(dev.thetaevolve.problem.Mode.CONSTRUCT);
        assertThat(stored.engine().searchBudgetMillis()).isZero();
        assertThat(stored.evaluators()).isNull();
        assertThat(stored.llmLimits()).isNull();

        runs.drive(run, stored.withBudget(1, 0), null, null);

        RunView after = store.run(run.id());
        assertThat(after.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(after.committedSteps()).isEqualTo(2);
        assertThat(after.programs()).as("seed, 4 children of step 1, 4 of step 2").isEqualTo(9);
        assertThat(store.committedSteps(run.id())).isEqualTo(2);
    }

    /** Points the application at a database loaded with the 0.1.0 store before Quarkus starts. */
    public static final class Store010 implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OldStore.class));
        }
    }

    public static final class OldStore implements QuarkusTestResourceLifecycleManager {
        private String adminUrl;
        private String database;

        @Override
        public Map<String, String> start() {
            String vendor = System.getProperty("thetaevolve.test.db", "h2");
            String user = System.getProperty("thetaevolve.test.user", "sa");
            String url;
            if (vendor.equals("postgresql")) {
                adminUrl = System.getProperty("thetaevolve.test.url");
                database = "thetaevolve_upgrade_" + ProcessHandle.current().pid();
                execute(adminUrl, user, List.of("drop database if exists " + database, "create database " + database));
                url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
            } else {
                url = "jdbc:h2:mem:upgrade010;DB_CLOSE_DELAY=-1";
            }
            execute(url, user, statements(read("/upgrade/store-0.1.0-" + vendor + ".sql")));
            Map<String, String> config = new HashMap<>();
            for (String prefix : List.of("", "%test.")) {
                config.put(prefix + "quarkus.datasource.jdbc.url", url);
                config.put(prefix + "quarkus.flyway.clean-at-start", "false");
            }
            return config;
        }

        @Override
        public void stop() {
            if (database != null) {
                execute(adminUrl, System.getProperty("thetaevolve.test.user", "postgres"), List.of("drop database if exists " + database + " with (force)"));
            }
        }

        private static void execute(String url, String user, List<String> sql) {
            try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
                for (String q : sql) s.execute(q);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the 0.1.0 store at " + url + ": " + e.getMessage(), e);
            }
        }

        private static String read(String resource) {
            try (InputStream in = StoreUpgradeTest.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException(resource + " is missing");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Splits a script on semicolons outside quoted literals, dropping "--" comments outside them. */
        static List<String> statements(String script) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < script.length(); i++) {
                char ch = script.charAt(i);
                if (!quoted && ch == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                    while (i < script.length() && script.charAt(i) != '\n') i++;
                    continue;
                }
                if (ch == '\'') quoted = !quoted;
                if (ch == ';' && !quoted) {
                    if (!cur.toString().isBlank()) out.add(cur.toString().strip());
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
            if (!cur.toString().isBlank()) out.add(cur.toString().strip());
            return out;
        }
    }
}
