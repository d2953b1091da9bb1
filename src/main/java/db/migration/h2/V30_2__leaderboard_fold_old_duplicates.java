package db.migration.h2;

import dev.thetaevolve.store.LeaderboardDedupe;
import org.flywaydb.core.api.migration.JavaMigration;

/** Version 30.2 on H2: see {@link LeaderboardDedupe}. */
public final class V30_2__leaderboard_fold_old_duplicates extends LeaderboardDedupe implements JavaMigration {
}
