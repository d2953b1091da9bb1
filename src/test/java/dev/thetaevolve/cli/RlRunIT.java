package dev.thetaevolve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `run --rl` through the packaged jar (its own JVM: DJL's PyTorch natives load once per process): the
 * GRPO learner updates the built-in policy each step, stores rollouts and a checkpoint, and `resume` goes
 * on from that checkpoint.
 */
class RlRunIT {
    @Test
    void run_rl_storesRolloutsAndCheckpointsAndResumes() throws Exception {
        String db = Cli.freshDb("rl");
        String name = "rl-" + System.nanoTime();
        Cli.Result r = Cli.run("run", "--problem", "circle_packing_26", "--mode", "construct", "--rl", "--reward", "shaped", "--steps", "2",
                "--parents", "3", "--samples", "4", "--seed", "5", "--db", db, "--run", name, "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.lastLine()).get("steps").asInt()).isEqualTo(2);
        assertThat(count(db, "policy_checkpoints", name)).isPositive();
        assertThat(count(db, "rollouts", name)).isEqualTo(2 * 3 * 4);

        Cli.Result resumed = Cli.run("resume", "--run", name, "--steps", "1", "--db", db, "--json");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(resumed.lastLine());
        assertThat(j.get("steps").asInt()).isEqualTo(3);
        assertThat(count(db, "rollouts", name)).isEqualTo(3 * 3 * 4);
    }

    private static long count(String db, String table, String run) throws Exception {
        boolean pg = db.startsWith("jdbc:postgresql");
        String url = pg ? db : LaunchOptions.toJdbcUrl(db);
        try (Connection c = DriverManager.getConnection(url, pg ? "postgres" : "sa", "");
             PreparedStatement s = c.prepareStatement("select count(*) from " + table + " t join runs r on t.runId = r.id where r.name = ?")) {
            s.setString(1, run);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
