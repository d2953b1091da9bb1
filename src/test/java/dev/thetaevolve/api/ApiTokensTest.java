package dev.thetaevolve.api;

import dev.thetaevolve.store.SettingsStore;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One token per service (issue 14 §1): replicas of one database share its hash, however it came. */
class ApiTokensTest {

    /** The settings table of one database, shared by the "replicas" below. */
    static final class Table extends SettingsStore {
        final Map<String, String> rows = new ConcurrentHashMap<>();

        @Override
        public String get(String name) {
            return rows.get(name);
        }

        @Override
        public String putIfAbsent(String name, String value) {
            String was = rows.putIfAbsent(name, value);
            return was == null ? value : was;
        }

        @Override
        public void put(String name, String value) {
            rows.put(name, value);
        }
    }

    final Table db = new Table();

    private ApiTokens replica(String configuredToken) {
        ApiTokens t = new ApiTokens();
        t.configured = Optional.ofNullable(configuredToken);
        t.settings = db;
        return t;
    }

    @Test
    void ensure_noConfiguredToken_generatesOnceAndStoresOnlyItsHash() {
        ApiTokens first = replica(null);
        String token = first.ensure();
        assertThat(token).isNotBlank().hasSizeGreaterThan(20);
        assertThat(first.accepts(token)).isTrue();
        assertThat(first.accepts(token + "x")).isFalse();
        assertThat(db.get(ApiTokens.SETTING)).isNotNull().doesNotContain(token);

        ApiTokens restarted = replica(null); // a restart or a replica on the same database
        assertThat(restarted.ensure()).as("no second token is generated").isNull();
        assertThat(restarted.accepts(token)).isTrue();
    }

    @Test
    void configuredToken_isStored_soAReplicaWithoutItAcceptsTheSameToken() {
        ApiTokens one = replica("s3cret");
        assertThat(one.ensure()).isNull();
        assertThat(db.get(ApiTokens.SETTING)).isEqualTo(ApiTokens.hex(ApiTokens.sha256("s3cret")));
        ApiTokens two = replica(null);
        assertThat(two.ensure()).as("the second replica generates nothing").isNull();
        assertThat(two.accepts("s3cret")).isTrue();
        assertThat(one.accepts("s3cret")).isTrue();
        assertThat(two.accepts("other")).isFalse();
        assertThat(one.accepts("")).isFalse();
        assertThat(one.accepts(null)).isFalse();
    }

    @Test
    void aReplicaWithAnotherToken_refusesToStart() {
        replica("s3cret").ensure();
        assertThatThrownBy(() -> replica("different").ensure()).isInstanceOf(ApiTokens.Mismatch.class)
                .hasMessageContaining("is not the API token of the service on this database")
                .hasMessageContaining("token --rotate");
        assertThat(db.get(ApiTokens.SETTING)).as("the stored hash is untouched").isEqualTo(ApiTokens.hex(ApiTokens.sha256("s3cret")));
        // a generated token counts the same way
        Table other = new Table();
        ApiTokens gen = replica(null);
        gen.settings = other;
        gen.ensure();
        ApiTokens late = replica("s3cret");
        late.settings = other;
        assertThatThrownBy(late::ensure).isInstanceOf(ApiTokens.Mismatch.class);
    }

    @Test
    void rotate_reachesRunningReplicas_andTheOldTokenStopsWorking() {
        ApiTokens serving = replica("old-token");
        serving.ensure();
        String fresh = replica(null).rotate(null);
        assertThat(fresh).isNotBlank().isNotEqualTo("old-token");
        assertThat(serving.accepts("old-token")).as("until its next look at the database").isTrue();
        serving.refresh(); // what its refresher thread does every RECHECK_SECONDS
        assertThat(serving.accepts(fresh)).isTrue();
        assertThat(serving.accepts("old-token")).isFalse();
        // the old environment no longer starts a replica; the new one does
        assertThatThrownBy(() -> replica("old-token").ensure()).isInstanceOf(ApiTokens.Mismatch.class);
        assertThat(replica(fresh).ensure()).isNull();
        assertThat(replica(null).rotate("chosen")).isEqualTo("chosen");
        assertThat(replica("chosen").ensure()).isNull();
    }
}
