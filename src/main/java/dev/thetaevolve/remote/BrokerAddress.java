package dev.thetaevolve.remote;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.RecoveryDelayHandler;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the broker is and which queue carries the jobs: {@code amqp[s]://host[:port][/vhost][?queue=NAME&…]}.
 * Query parameters: {@code queue} (default {@value #DEFAULT_QUEUE}) and, for the driving side,
 * {@code margin}, {@code outage} and {@code wait} in seconds (see {@link RemoteEvaluator.Builder}).
 *
 * <p>Credentials come from the environment ({@value #USERNAME_ENV}, {@value #PASSWORD_ENV}), else the URI's
 * user info, else RabbitMQ's guest/guest. A run's settings are stored, so the run setting refuses a URI with
 * user info ({@link #parseForStorage}); the evaluator command accepts one.
 */
public final class BrokerAddress {

    public static final String DEFAULT_QUEUE = "thetaevolve.jobs";
    public static final String USERNAME_ENV = "THETAEVOLVE_BROKER_USERNAME";
    public static final String PASSWORD_ENV = "THETAEVOLVE_BROKER_PASSWORD";
    private static final List<String> PARAMS = List.of("queue", "margin", "outage", "wait");

    private final boolean tls;
    private final String host;
    private final int port;
    private final String vhost;
    private final String username;
    private final String password;
    private final Map<String, String> params;

    private BrokerAddress(boolean tls, String host, int port, String vhost, String username, String password, Map<String, String> params) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.vhost = vhost;
        this.username = username;
        this.password = password;
        this.params = Map.copyOf(params);
    }

    /**
     * Parses a broker URI, user info allowed.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static BrokerAddress parse(String uri) {
        if (uri == null || uri.isBlank()) throw new IllegalArgumentException("the broker URI is empty; expected amqp://host[:port][/vhost][?queue=NAME]");
        URI u;
        try {
            u = new URI(uri.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a broker URI: '" + uri + "' (" + e.getReason() + ")");
        }
        String scheme = u.getScheme();
        if (!"amqp".equalsIgnoreCase(scheme) && !"amqps".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("a broker URI starts with amqp:// or amqps://, got '" + uri + "'");
        }
        if (u.getHost() == null || u.getHost().isBlank()) throw new IllegalArgumentException("the broker URI '" + uri + "' has no host");
        boolean tls = "amqps".equalsIgnoreCase(scheme);
        int port = u.getPort() == -1 ? (tls ? 5671 : 5672) : u.getPort();
        String path = u.getRawPath();
        String vhost = path == null || path.isEmpty() || path.equals("/") ? "/" : URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
        String user = null;
        String pass = null;
        if (u.getRawUserInfo() != null) {
            String[] up = u.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(up[0], StandardCharsets.UTF_8);
            pass = up.length > 1 ? URLDecoder.decode(up[1], StandardCharsets.UTF_8) : "";
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (u.getRawQuery() != null && !u.getRawQuery().isEmpty()) {
            for (String kv : u.getRawQuery().split("&")) {
                if (kv.isEmpty()) continue;
                String[] p = kv.split("=", 2);
                String key = URLDecoder.decode(p[0], StandardCharsets.UTF_8);
                if (!PARAMS.contains(key)) {
                    throw new IllegalArgumentException("unknown broker URI parameter '" + key + "'; known: " + String.join(", ", PARAMS));
                }
                String value = p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "";
                if (value.isBlank()) throw new IllegalArgumentException("broker URI parameter '" + key + "' needs a value");
                params.put(key, value);
            }
        }
        String queue = params.getOrDefault("queue", DEFAULT_QUEUE);
        if (!queue.matches("[A-Za-z0-9._:-]{1,200}")) {
            throw new IllegalArgumentException("queue must be 1-200 letters, digits or . _ : -, got '" + queue + "'");
        }
        for (String seconds : List.of("margin", "outage", "wait")) {
            if (params.containsKey(seconds)) seconds(params, seconds);
        }
        return new BrokerAddress(tls, u.getHost(), port, vhost, user, pass, params);
    }

    /** Parses a URI that will be stored with a run: user info is refused, credentials belong in the environment. */
    public static BrokerAddress parseForStorage(String uri) {
        BrokerAddress a = parse(uri);
        if (a.username != null) {
            throw new IllegalArgumentException("the evaluators URI must not carry credentials (run settings are stored); set "
                    + USERNAME_ENV + " and " + PASSWORD_ENV + " instead");
        }
        return a;
    }

    private static double seconds(Map<String, String> params, String key) {
        try {
            double v = Double.parseDouble(params.get(key));
            if (!(v > 0) || Double.isInfinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("broker URI parameter '" + key + "' must be a number of seconds > 0, got '" + params.get(key) + "'");
        }
    }

    /** The jobs queue. */
    public String queue() {
        return params.getOrDefault("queue", DEFAULT_QUEUE);
    }

    /** A seconds parameter in milliseconds, or {@code fallback} when absent. */
    long millis(String key, long fallback) {
        return params.containsKey(key) ? Math.round(seconds(params, key) * 1000) : fallback;
    }

    /** The address without credentials, for messages and logs. */
    @Override
    public String toString() {
        return (tls ? "amqps" : "amqp") + "://" + host + ":" + port + (vhost.equals("/") ? "/" : "/" + vhost) + "?queue=" + queue();
    }

    /**
     * A connection factory that recovers by itself: lost connections come back with their channels,
     * consumers, prefetch and declared queues, retried with exponential backoff (0.5 s doubling to 10 s).
     */
    public ConnectionFactory connectionFactory(Map<String, String> env) {
        ConnectionFactory f = new ConnectionFactory();
        f.setHost(host);
        f.setPort(port);
        f.setVirtualHost(vhost);
        String user = env.get(USERNAME_ENV);
        String pass = env.get(PASSWORD_ENV);
        if (user != null && !user.isBlank()) {
            f.setUsername(user);
            f.setPassword(pass == null ? "" : pass);
        } else if (username != null) {
            f.setUsername(username);
            f.setPassword(password);
        }
        if (tls) {
            try {
                f.useSslProtocol(javax.net.ssl.SSLContext.getDefault());
                f.enableHostnameVerification();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no TLS available for " + this, e);
            }
        }
        f.setAutomaticRecoveryEnabled(true);
        f.setTopologyRecoveryEnabled(true);
        f.setRecoveryDelayHandler(new RecoveryDelayHandler.ExponentialBackoffDelayHandler(
                List.of(500L, 1000L, 2000L, 4000L, 8000L, 10_000L)));
        f.setConnectionTimeout(5_000);
        f.setRequestedHeartbeat(10);
        return f;
    }
}
