package dev.thetaevolve.api;

import dev.thetaevolve.store.SettingsStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ApiTokensTest {

    @Inject
    SettingsStore settings;
    @Inject
    ApiTokens configuredTokens;

    private ApiTokens unconfigured() {
        ApiTokens t = new ApiTokens();
        t.configured = Optional.empty();
        t.settings = settings;
        return t;
    }

    @Test
    void ensure_noConfiguredToken_generatesOnceAndStoresOnlyItsHash() {
        ApiTokens first = unconfigured();
        String token = first.ensure();
        assertThat(token).isNotBlank().hasSizeGreaterThan(20);
        assertThat(first.accepts(token)).isTrue();
        assertThat(first.accepts(token + "x")).isFalse();
        assertThat(settings.get(ApiTokens.SETTING)).isNotNull().doesNotContain(token);

        ApiTokens restarted = unconfigured(); // a restart or a replica on the same database
        assertThat(restarted.ensure()).as("no second token is generated").isNull();
        assertThat(restarted.accepts(token)).isTrue();
    }

    @Test
    void accepts_configuredToken() {
        assertThat(configuredTokens.accepts(TestRuns.TOKEN)).isTrue();
        assertThat(configuredTokens.accepts("")).isFalse();
        assertThat(configuredTokens.accepts(null)).isFalse();
        assertThat(configuredTokens.accepts("test-toke")).isFalse();
    }
}
