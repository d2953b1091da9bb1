package dev.thetaevolve.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thetaevolve.service.Constructions;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Migration 30.2 (issue 14), the same on both databases ({@code db.migration.h2} and
 * {@code db.migration.postgresql} name it in their folders): folds the leaderboard duplicates stored before
 * 30.1 gave entries a construction hash.
 *
 * <ol>
 *   <li>Every entry without a hash gets one, computed as a submission's is ({@link Constructions#hash} of its
 *   JSON), so that later submissions of the same construction find it. An entry whose JSON does not parse
 *   keeps none and is left alone.</li>
 *   <li>Per problem and hash, entries are taken oldest first ({@code createdAt}, then {@code id}); a
 *   submission (no run) with an older entry of the same construction before it is deleted, which is what
 *   today's submit would have done: answer with the older entry and store nothing. Run entries are kept,
 *   one per run as before.</li>
 * </ol>
 * Deterministic: the same store gives the same survivors, whatever order the database returns rows in.
 */
public abstract class LeaderboardDedupe extends BaseJavaMigration {
    private static final Logger LOG = Logger.getLogger(LeaderboardDedupe.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        int hashed = hashOldEntries(c);
        int folded = foldDuplicates(c);
        if (hashed > 0 || folded > 0) {
            LOG.info("leaderboard: hashed " + hashed + " entries stored before 30.1, folded " + folded + " duplicate submissions into older entries");
        }
    }

    private static int hashOldEntries(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id from leaderboard_entries where dataHash is null order by id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) ids.add(rs.getLong(1));
        }
        int hashed = 0;
        try (PreparedStatement read = c.prepareStatement("select data from leaderboard_entries where id = ?");
             PreparedStatement write = c.prepareStatement("update leaderboard_entries set dataHash = ? where id = ?")) {
            for (long id : ids) { // one entry's construction in memory at a time
                read.setLong(1, id);
                String data;
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) continue;
                    data = rs.getString(1);
                }
                String hash;
                try {
                    hash = Constructions.hash(JSON.readValue(data, Object.class));
                } catch (JsonProcessingException | RuntimeException e) {
                    LOG.warning("leaderboard entry " + id + " has unreadable JSON; left without a hash: " + e.getMessage());
                    continue;
                }
                write.setString(1, hash);
                write.setLong(2, id);
                write.executeUpdate();
                hashed++;
            }
        }
        return hashed;
    }

    private static int foldDuplicates(Connection c) throws SQLException {
        List<Long> doomed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("select id, problem, dataHash, runId from leaderboard_entries where dataHash is not null "
                + "order by problem, dataHash, createdAt, id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                boolean older = !seen.add(rs.getString(2) + '\n' + rs.getString(3));
                rs.getLong(4);
                boolean submission = rs.wasNull();
                if (older && submission) doomed.add(id);
            }
        }
        try (PreparedStatement d = c.prepareStatement("delete from leaderboard_entries where id = ?")) {
            for (long id : doomed) {
                d.setLong(1, id);
                d.addBatch();
            }
            if (!doomed.isEmpty()) d.executeBatch();
        }
        return doomed.size();
    }
}
