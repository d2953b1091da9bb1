package dev.thetaevolve.api;

import dev.thetaevolve.store.SettingsStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bearer token that write endpoints require. It comes from {@code thetaevolve.api.token} (environment
 * {@code THETAEVOLVE_API_TOKEN}); when that is absent, the first serving process generates one, prints it
 * to stderr once, and stores only its SHA-256 in the database's settings table, so restarts and replicas of
 * one database accept the same token and a database reader cannot recover it. Thread-safe.
 */
@ApplicationScoped
public class ApiTokens {
    static final String SETTING = "api.token.sha256";

    @ConfigProperty(name = "thetaevolve.api.token")
    Optional<String> configured;
    @Inject
    SettingsStore settings;

    private volatile byte[] expected;

    /**
     * Makes sure a token exists; generates, stores and prints one when none is configured or stored.
     *
     * @return the generated token, or null when one existed already
     */
    public synchronized String ensure() {
        if (expected != null) return null;
        if (configured.isPresent() && !configured.get().isBlank()) {
            expected = sha256(configured.get().strip());
            return null;
        }
        String stored = settings.get(SETTING);
        String generated = null;
        if (stored == null) {
            byte[] raw = new byte[24];
            new SecureRandom().nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            stored = settings.putIfAbsent(SETTING, HexFormat.of().formatHex(sha256(token)));
            if (stored.equals(HexFormat.of().formatHex(sha256(token)))) {
                generated = token;
                System.err.println("API token (generated once, shown only now; keep it, or set THETAEVOLVE_API_TOKEN): " + token);
            }
        }
        expected = HexFormat.of().parseHex(stored);
        return generated;
    }

    /** True when {@code token} is the API token (constant-time comparison). */
    public boolean accepts(String token) {
        if (token == null || token.isBlank()) return false;
        if (expected == null) ensure();
        return MessageDigest.isEqual(expected, sha256(token.strip()));
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
