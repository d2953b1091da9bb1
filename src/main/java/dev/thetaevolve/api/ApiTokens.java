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
 * The one bearer token of a service, whichever way it came: only its SHA-256 is kept, in the database's
 * settings table, so every replica of one database accepts the same token and a database reader cannot
 * recover it. It comes from {@code thetaevolve.api.token} (environment {@code THETAEVOLVE_API_TOKEN}) or,
 * when that is absent and the database holds none yet, the first serving process generates one and prints
 * it to stderr once. A process whose configured token does not match the stored hash refuses to start
 * ({@link Mismatch}). {@link #rotate} replaces the stored hash; a serving process reads it again every
 * {@link #RECHECK_SECONDS} on a thread of its own (requests never wait for the database: the check runs on
 * the HTTP event loop). Thread-safe.
 */
@ApplicationScoped
public class ApiTokens {
    static final String SETTING = "api.token.sha256";
    /** How often a serving process reads the stored hash again, so that a rotation reaches it. */
    static final long RECHECK_SECONDS = 10;

    /** The configured token is not the one the database's service uses: this process must not serve. */
    public static final class Mismatch extends IllegalStateException {
        Mismatch(String message) {
            super(message);
        }
    }

    @ConfigProperty(name = "thetaevolve.api.token")
    Optional<String> configured;
    @Inject
    SettingsStore settings;
    @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true")
    boolean serving;

    private volatile byte[] expected;
    private java.util.concurrent.ScheduledExecutorService refresher;

    /** In a process that serves HTTP: the token is settled before the first request, then kept fresh. */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent ev) {
        if (!serving) return; // a CLI command: no requests, and no token to generate or print
        ensure();
        startRefreshing();
    }

    synchronized void startRefreshing() {
        if (refresher != null) return;
        refresher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "api-token-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, RECHECK_SECONDS, RECHECK_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }

    @jakarta.annotation.PreDestroy
    synchronized void stopRefreshing() {
        if (refresher != null) refresher.shutdownNow();
    }

    /**
     * Makes sure the database holds the service's token hash: the configured token's, or a generated one
     * (printed once) when none is configured or stored.
     *
     * @return the generated token, or null when none was generated
     * @throws Mismatch when a token is configured and the database holds the hash of another one
     */
    public synchronized String ensure() {
        String generated = null;
        String want = configured.filter(t -> !t.isBlank()).map(t -> hex(sha256(t.strip()))).orElse(null);
        String stored = settings.get(SETTING);
        if (want != null) {
            if (stored == null) stored = settings.putIfAbsent(SETTING, want);
            if (!stored.equals(want)) {
                throw new Mismatch("THETAEVOLVE_API_TOKEN (thetaevolve.api.token) is not the API token of the service on this database: "
                        + "every replica must use the same token. Set the one the other replicas use, or make this one the service's token "
                        + "with `thetaevolve token --rotate --from-env --db <this database>` (then give the other replicas the same token).");
            }
        } else if (stored == null) {
            byte[] raw = new byte[24];
            new SecureRandom().nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            stored = settings.putIfAbsent(SETTING, hex(sha256(token)));
            if (stored.equals(hex(sha256(token)))) {
                generated = token;
                System.err.println("API token (generated once, shown only now; keep it, or set THETAEVOLVE_API_TOKEN): " + token);
            }
        }
        remember(stored);
        return generated;
    }

    /**
     * Makes {@code token} the service's token (null: a generated one), replacing the stored hash. Serving
     * replicas accept only the new token within {@link #RECHECK_SECONDS}; each must be given it before its next start.
     *
     * @return the token now in force (the generated one, to be shown once)
     */
    public synchronized String rotate(String token) {
        String next = token;
        if (next == null) {
            byte[] raw = new byte[24];
            new SecureRandom().nextBytes(raw);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        }
        if (next.isBlank()) throw new IllegalArgumentException("the new token is empty");
        String hash = hex(sha256(next.strip()));
        settings.put(SETTING, hash);
        remember(hash);
        return next.strip();
    }

    /**
     * True when {@code token} is the API token (constant-time comparison). Never reads the database on the
     * HTTP event loop: before the token is settled (start-up) a token on that thread is refused.
     */
    public boolean accepts(String token) {
        if (token == null || token.isBlank()) return false;
        byte[] want = expected;
        if (want == null) {
            if (io.vertx.core.Context.isOnEventLoopThread()) return false;
            ensure();
            want = expected;
        }
        return MessageDigest.isEqual(want, sha256(token.strip()));
    }

    /** Reads the stored hash again (a rotation by another process); keeps the one it has when the database is away. */
    void refresh() {
        try {
            String stored = settings.get(SETTING);
            if (stored != null) remember(stored);
        } catch (RuntimeException e) {
            // database away for a moment: keep the hash we have, try again later
        }
    }

    private void remember(String hexHash) {
        expected = HexFormat.of().parseHex(hexHash);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
