package dev.thetaevolve.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven through chromedriver over the W3C WebDriver HTTP protocol with the
 * JDK's HttpClient: no Selenium dependency. One browser session per instance.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium");

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String session;
    private final Path profile;

    /** Where chromedriver and chromium are, or null with the reason in {@code why[0]}. */
    static String[] locate(String[] why) {
        String d = DRIVERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        String b = BROWSERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        if (d == null || b == null) {
            why[0] = "headless Chromium is needed for the web page test: run the README's test command, scripts/test.sh, "
                    + "which installs Debian's chromium and chromium-driver (as root: apt-get install -y chromium chromium-driver), "
                    + "or run with -Dthetaevolve.skipBrowser=true to skip it"
                    + " (missing: " + (d == null ? "chromedriver " : "") + (b == null ? "chromium" : "") + ")";
            return null;
        }
        return new String[]{d, b};
    }

    Chromium(String driverPath, String browserPath) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = URI.create("http://127.0.0.1:" + port + "/");
        driver = new ProcessBuilder(driverPath, "--port=" + port).redirectErrorStream(true)
                .redirectOutput(Path.of("target/chromedriver.log").toFile()).start();
        try {
            org.awaitility.Awaitility.await("chromedriver ready").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                    .until(() -> call("GET", "status", null).path("value").path("ready").asBoolean());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("chromedriver did not become ready; see target/chromedriver.log", e);
        }
        profile = Files.createTempDirectory("chromium-profile");
        Map<String, Object> options = Map.of("binary", browserPath, "args", List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--user-data-dir=" + profile));
        JsonNode r = call("POST", "session", Map.of("capabilities", Map.of("alwaysMatch", Map.of("browserName", "chrome", "goog:chromeOptions", options))));
        session = r.path("value").path("sessionId").asText(null);
        if (session == null) throw new IllegalStateException("chromedriver gave no session: " + r);
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode j = JSON.readTree(r.body());
        if (r.statusCode() >= 300) throw new IllegalStateException("WebDriver " + method + " " + path + " failed: " + r.body());
        return j;
    }

    void open(String url) throws Exception {
        call("POST", "session/" + session + "/url", Map.of("url", url));
    }

    /** Runs a script in the page; returns its value as JSON. */
    JsonNode script(String js) throws Exception {
        return call("POST", "session/" + session + "/execute/sync", Map.of("script", js, "args", List.of())).path("value");
    }

    /** Polls {@code js} (which returns a boolean) until it is true; fails with {@code what} after {@code timeout}. */
    void await(String js, Duration timeout, String what) throws Exception {
        try {
            org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> script(js).asBoolean());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the page never showed " + what + "; page text: " + script("return document.body.innerText").asText(), e);
        }
    }

    void screenshot(Path file) throws Exception {
        String png = call("GET", "session/" + session + "/screenshot", null).path("value").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    /** A screenshot of the first element matching a CSS selector (just that element, at its size on the page). */
    void elementScreenshot(String css, Path file) throws Exception {
        JsonNode found = call("POST", "session/" + session + "/element", Map.of("using", "css selector", "value", css)).path("value");
        String element = found.path("element-6066-11e4-a52e-4f735466cecf").asText(null);
        if (element == null) throw new IllegalStateException("no element matches " + css + ": " + found);
        String png = call("GET", "session/" + session + "/element/" + element + "/screenshot", null).path("value").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    @Override
    public void close() {
        try {
            if (session != null) call("DELETE", "session/" + session, null);
        } catch (Exception ignored) {
            // the driver is killed below anyway
        }
        driver.destroy();
        try {
            if (!driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) driver.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
