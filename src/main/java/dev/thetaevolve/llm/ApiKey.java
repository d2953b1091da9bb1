package dev.thetaevolve.llm;

import java.util.Map;

/**
 * An inference server's API key. Its only way out is {@link #authorizationHeader()}, which a client puts
 * on the wire; {@code toString} is redacted, so logs, exceptions and records that hold a key never show it.
 * Never store it, never hand it to a candidate or a worker's environment.
 */
public final class ApiKey {
    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    /** @throws IllegalArgumentException when the key is blank */
    public static ApiKey of(String secret) {
        if (secret == null || secret.isBlank()) throw new IllegalArgumentException("API key must not be blank");
        return new ApiKey(secret.strip());
    }

    /**
     * Reads the key from the environment variable {@code variable} (the CLI's {@code --llm-key-env}).
     *
     * @throws IllegalArgumentException naming the variable (never the value) when it is unset or blank
     */
    public static ApiKey fromEnvironment(String variable, Map<String, String> environment) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("llm key env '" + variable + "' is not set in the environment");
        }
        return new ApiKey(value.strip());
    }

    /** The value of an HTTP Authorization header; the one place the secret leaves this object. */
    public String authorizationHeader() {
        return "Bearer " + secret;
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
