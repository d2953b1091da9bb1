package dev.thetaevolve.store;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test store is made by the migrations, not by Hibernate, on whichever database the suite runs
 * (H2, or PostgreSQL with -Ppostgres); Hibernate's start-up validation of the entities against it passed
 * before this test could run.
 */
@QuarkusTest
class SchemaMigrationsTest {

    @Inject
    Flyway flyway;

    @Test
    void freshStore_everyMigrationApplied_noneBaselined() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).isNotEmpty();
        assertThat(applied[0].getVersion().getVersion()).isEqualTo("1");
        assertThat(applied[0].getScript()).endsWith("V1__baseline.sql");
        assertThat(Arrays.stream(applied).map(MigrationInfo::getState)).containsOnly(MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void validate_scriptsMatchTheHistory() {
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }
}
