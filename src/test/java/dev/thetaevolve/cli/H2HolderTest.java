package dev.thetaevolve.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 §6: {@code serve} on an H2 file that another process holds advises PostgreSQL for replicas. */
class H2HolderTest {

    @TempDir
    Path dir;

    @Test
    void heldFile_givesTheAdvice_freeOrStaleFile_none() throws Exception {
        Path base = dir.resolve("db");
        String[] serve = {"serve", "--db", base.toString()};
        assertThat(LaunchOptions.h2HolderAdvice(serve)).as("no database yet").isNull();
        // another process opens it as serve does (AUTO_SERVER): here, this test JVM is that process
        try (Connection c = DriverManager.getConnection(LaunchOptions.toJdbcUrl(base.toString()), "sa", "")) {
            c.createStatement().execute("create table t(i int)");
            String advice = LaunchOptions.h2HolderAdvice(serve);
            assertThat(advice).isNotNull().contains("held by another process").contains("PostgreSQL").contains(base + ".mv.db");
        }
        assertThat(LaunchOptions.h2HolderAdvice(serve)).as("closed: nobody holds it").isNull();
        // a lock file left by a killed process names a port nobody answers on
        Files.writeString(dir.resolve("db.lock.db"), "#FileLock\nserver=127.0.0.1\\:1\nmethod=file\nid=x\n");
        assertThat(LaunchOptions.h2HolderAdvice(serve)).isNull();
        assertThat(LaunchOptions.h2HolderAdvice(new String[]{"serve", "--db", "jdbc:postgresql://127.0.0.1/x"})).isNull();
    }
}
