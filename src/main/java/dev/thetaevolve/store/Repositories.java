package dev.thetaevolve.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Panache repositories of the tables. */
public final class Repositories {
    private Repositories() {
    }

    @ApplicationScoped
    public static class Runs implements PanacheRepository<RunEntity> {
        public RunEntity byName(String name) {
            return find("name", name).firstResult();
        }
    }

    @ApplicationScoped
    public static class Programs implements PanacheRepository<ProgramEntity> {
        public ProgramEntity bySeq(long runId, long seq) {
            return find("runId = ?1 and seq = ?2", runId, seq).firstResult();
        }
    }

    @ApplicationScoped
    public static class Steps implements PanacheRepository<StepEntity> {
    }

    @ApplicationScoped
    public static class Leaderboard implements PanacheRepository<LeaderboardEntryEntity> {
    }

    @ApplicationScoped
    public static class Settings implements io.quarkus.hibernate.orm.panache.PanacheRepositoryBase<SettingEntity, String> {
    }
}
