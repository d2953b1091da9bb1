package dev.thetaevolve.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No cluster runs here, so this parses every manifest under k8s/ and checks what a deployment depends on:
 * images, ports, env names against application.properties, resources, probes, the GPU request, the
 * egress policy, and that the kustomization lists every file.
 */
class K8sManifestsTest {
    static final Path DIR = Path.of("k8s");
    static final YAMLMapper YAML = new YAMLMapper();
    static final Map<String, JsonNode> OBJECTS = new LinkedHashMap<>(); // "Kind/name" -> object

    @BeforeAll
    static void parse() throws IOException {
        for (Path f : manifests()) {
            try (Reader r = Files.newBufferedReader(f); MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(r)) {
                while (docs.hasNext()) {
                    JsonNode o = docs.next();
                    if (o == null || o.isEmpty()) continue;
                    String key = o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
                    assertThat(o.path("apiVersion").asText()).as("apiVersion of %s in %s", key, f).isNotBlank();
                    assertThat(OBJECTS.put(key, o)).as("%s defined twice", key).isNull();
                }
            }
        }
    }

    static List<Path> manifests() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        }
    }

    static JsonNode object(String kindAndName) {
        assertThat(OBJECTS).as("objects in k8s/").containsKey(kindAndName);
        return OBJECTS.get(kindAndName);
    }

    static JsonNode container(String workload) {
        JsonNode cs = object(workload).path("spec").path("template").path("spec").path("containers");
        assertThat(cs.size()).as("containers of %s", workload).isEqualTo(1);
        return cs.get(0);
    }

    static List<JsonNode> workloads() {
        return OBJECTS.entrySet().stream().filter(e -> e.getKey().startsWith("Deployment/") || e.getKey().startsWith("StatefulSet/"))
                .map(Map.Entry::getValue).toList();
    }

    static int containerPort(JsonNode container, String name) {
        for (JsonNode p : container.path("ports")) if (p.path("name").asText().equals(name)) return p.path("containerPort").asInt();
        throw new AssertionError("no port named " + name + " in container " + container.path("name").asText());
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String argAfter(List<String> args, String flag) {
        int i = args.indexOf(flag);
        assertThat(i).as("%s in %s", flag, args).isGreaterThanOrEqualTo(0).isLessThan(args.size() - 1);
        return args.get(i + 1);
    }

    @Test
    void kustomization_listsEveryManifestAndOnlyExistingFiles() throws IOException {
        JsonNode k = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        assertThat(k.path("kind").asText()).isEqualTo("Kustomization");
        Set<String> listed = new HashSet<>(strings(k.path("resources")));
        Set<String> files = new HashSet<>();
        for (Path p : manifests()) files.add(p.getFileName().toString());
        assertThat(listed).isEqualTo(files);
        assertThat(k.path("namespace").asText()).isEqualTo(object("Namespace/" + k.path("namespace").asText()).path("metadata").path("name").asText());
    }

    @Test
    void workloads_pinImagesAndSetResourcesAndProbes() {
        assertThat(workloads()).hasSize(3);
        for (JsonNode w : workloads()) {
            String name = w.path("metadata").path("name").asText();
            JsonNode labels = w.path("spec").path("template").path("metadata").path("labels");
            assertThat(w.path("spec").path("selector").path("matchLabels")).as("selector of %s", name).isEqualTo(labels);
            for (JsonNode c : w.path("spec").path("template").path("spec").path("containers")) {
                String image = c.path("image").asText();
                assertThat(image).as("image of %s", name).matches("[a-z0-9./-]+:[A-Za-z0-9._-]+").doesNotEndWith(":latest");
                for (String kind : List.of("requests", "limits")) {
                    for (String res : List.of("cpu", "memory")) {
                        assertThat(c.path("resources").path(kind).path(res).asText()).as("%s.%s of %s", kind, res, name).isNotBlank();
                    }
                }
                assertThat(c.has("readinessProbe") && c.has("livenessProbe")).as("probes of %s", name).isTrue();
            }
        }
    }

    @Test
    void service_servesOnTheConfiguredPortWithHealthProbes() throws IOException {
        JsonNode c = container("Deployment/thetaevolve");
        assertThat(c.path("image").asText()).startsWith("thetaevolve/thetaevolve:");
        List<String> args = strings(c.path("args"));
        assertThat(args.get(0)).isEqualTo("serve");
        int port = containerPort(c, "http");
        assertThat(argAfter(args, "--port")).isEqualTo(Integer.toString(port));
        assertThat(port).isEqualTo(Integer.parseInt(properties().getProperty("quarkus.http.port")));
        assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(c.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(c.path(probe).path("httpGet").path("port").asText()).isEqualTo("http");
        }
        assertThat(object("Deployment/thetaevolve").path("spec").path("replicas").asInt()).isGreaterThan(1);
        assertServiceTargets("Service/thetaevolve", "Deployment/thetaevolve", "http", port);
    }

    @Test
    void serviceEnv_namesKeysOfApplicationProperties() throws IOException {
        Set<String> known = environmentNames(properties(), Files.readString(Path.of("src/main/resources/application.properties")));
        JsonNode c = container("Deployment/thetaevolve");
        List<String> names = new ArrayList<>();
        c.path("env").forEach(e -> names.add(e.path("name").asText()));
        JsonNode config = object("ConfigMap/" + c.path("envFrom").get(0).path("configMapRef").path("name").asText());
        config.path("data").fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("QUARKUS_PROFILE", "THETAEVOLVE_DB_URL", "THETAEVOLVE_DB_USER", "THETAEVOLVE_DB_PASSWORD",
                "THETAEVOLVE_API_TOKEN", "THETAEVOLVE_LLM_URL", "THETAEVOLVE_LLM_MODEL");
        // QUARKUS_PROFILE is Quarkus's own; every other name must be one the application reads
        assertThat(names.stream().filter(n -> !n.equals("QUARKUS_PROFILE")).toList()).allSatisfy(n -> assertThat(known).contains(n));
        assertThat(config.path("data").path("QUARKUS_PROFILE").asText()).isEqualTo("pg");
    }

    @Test
    void serviceEnv_takesCredentialsFromSecretsThatHoldThem() {
        JsonNode c = container("Deployment/thetaevolve");
        Map<String, JsonNode> env = new LinkedHashMap<>();
        c.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        for (String secretName : List.of("THETAEVOLVE_API_TOKEN", "THETAEVOLVE_DB_USER", "THETAEVOLVE_DB_PASSWORD")) {
            JsonNode ref = env.get(secretName).path("valueFrom").path("secretKeyRef");
            JsonNode secret = object("Secret/" + ref.path("name").asText());
            assertThat(secret.path("stringData").path(ref.path("key").asText()).asText()).as("secret key for %s", secretName).isNotBlank();
        }
        // the database and the service read the same credentials
        JsonNode pg = container("StatefulSet/postgres");
        Map<String, JsonNode> pgEnv = new LinkedHashMap<>();
        pg.path("env").forEach(e -> pgEnv.put(e.path("name").asText(), e));
        assertThat(pgEnv.get("POSTGRES_USER").path("valueFrom")).isEqualTo(env.get("THETAEVOLVE_DB_USER").path("valueFrom"));
        assertThat(pgEnv.get("POSTGRES_PASSWORD").path("valueFrom")).isEqualTo(env.get("THETAEVOLVE_DB_PASSWORD").path("valueFrom"));
    }

    @Test
    void configMap_pointsAtThePostgresAndVllmServices() {
        JsonNode data = object("ConfigMap/thetaevolve-config").path("data");
        URI db = URI.create(data.path("THETAEVOLVE_DB_URL").asText().substring("jdbc:".length()));
        assertThat(db.getScheme()).isEqualTo("postgresql");
        assertThat(db.getHost()).isEqualTo("postgres");
        assertThat(db.getPort()).isEqualTo(servicePort("Service/postgres"));
        assertThat(db.getPath()).isEqualTo("/" + envValue(container("StatefulSet/postgres"), "POSTGRES_DB"));

        URI llm = URI.create(data.path("THETAEVOLVE_LLM_URL").asText());
        assertThat(llm.getHost()).isEqualTo("vllm");
        assertThat(llm.getPort()).isEqualTo(servicePort("Service/vllm"));
        assertThat(llm.getPath()).isEqualTo("/v1");
        List<String> vllmArgs = strings(container("Deployment/vllm").path("args"));
        assertThat(data.path("THETAEVOLVE_LLM_MODEL").asText()).isEqualTo(argAfter(vllmArgs, "--served-model-name"));
    }

    @Test
    void postgres_isAStatefulSetWithAPersistentVolumeClaim() {
        JsonNode sts = object("StatefulSet/postgres");
        JsonNode c = container("StatefulSet/postgres");
        assertThat(c.path("image").asText()).startsWith("postgres:15");
        assertThat(containerPort(c, "postgres")).isEqualTo(5432);
        JsonNode governing = object("Service/" + sts.path("spec").path("serviceName").asText());
        assertThat(governing.path("spec").path("clusterIP").asText()).isEqualTo("None");
        JsonNode claim = sts.path("spec").path("volumeClaimTemplates").get(0);
        assertThat(claim.path("spec").path("resources").path("requests").path("storage").asText()).isNotBlank();
        String dataDir = null;
        for (JsonNode m : c.path("volumeMounts")) if (m.path("name").asText().equals(claim.path("metadata").path("name").asText())) dataDir = m.path("mountPath").asText();
        assertThat(dataDir).as("mount of the claim").isEqualTo("/var/lib/postgresql/data");
        assertThat(envValue(c, "PGDATA")).startsWith(dataDir + "/");
        assertServiceTargets("Service/postgres", "StatefulSet/postgres", "postgres", 5432);
    }

    @Test
    void vllm_servesTheOpenAiApiOnAGpu() {
        JsonNode c = container("Deployment/vllm");
        assertThat(c.path("image").asText()).startsWith("vllm/vllm-openai:");
        assertThat(strings(c.path("command"))).containsExactly("vllm", "serve");
        List<String> args = strings(c.path("args"));
        int port = containerPort(c, "openai");
        assertThat(argAfter(args, "--port")).isEqualTo(Integer.toString(port));
        assertThat(argAfter(args, "--host")).isEqualTo("0.0.0.0");
        assertThat(c.path("resources").path("limits").path("nvidia.com/gpu").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(c.path("resources").path("requests").path("nvidia.com/gpu").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/health");
        assertServiceTargets("Service/vllm", "Deployment/vllm", "openai", port);
    }

    @Test
    void networkPolicy_allowsServicePodsOnlyPostgresVllmAndDns() {
        JsonNode np = object("NetworkPolicy/thetaevolve-egress").path("spec");
        assertThat(np.path("podSelector").path("matchLabels")).isEqualTo(podLabels("Deployment/thetaevolve"));
        assertThat(strings(np.path("policyTypes"))).contains("Egress");
        Set<String> allowed = new HashSet<>();
        for (JsonNode rule : np.path("egress")) {
            assertThat(rule.path("to").size()).as("a rule without 'to' allows every destination").isPositive();
            assertThat(rule.path("ports").size()).as("a rule without 'ports' allows every port").isPositive();
            for (JsonNode to : rule.path("to")) {
                assertThat(to.has("ipBlock")).as("no ipBlock egress").isFalse();
                for (JsonNode p : rule.path("ports")) {
                    String target = to.has("namespaceSelector")
                            ? "dns:" + to.path("podSelector").path("matchLabels").path("k8s-app").asText()
                            : to.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
                    allowed.add(target + "/" + p.path("protocol").asText() + "/" + p.path("port").asInt());
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder("postgres/TCP/5432", "vllm/TCP/8000", "dns:kube-dns/UDP/53", "dns:kube-dns/TCP/53");
        assertThat(podLabels("StatefulSet/postgres").path("app.kubernetes.io/name").asText()).isEqualTo("postgres");
        assertThat(podLabels("Deployment/vllm").path("app.kubernetes.io/name").asText()).isEqualTo("vllm");
    }

    /** Every name the application reads from the environment: ${NAME} expressions and the env form of each key. */
    static Set<String> environmentNames(Properties props, String text) {
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]").matcher(text);
        while (m.find()) names.add(m.group(1));
        for (String key : props.stringPropertyNames()) {
            String k = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            names.add(k.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return names;
    }

    static Properties properties() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            p.load(r);
        }
        return p;
    }

    static JsonNode podLabels(String workload) {
        return object(workload).path("spec").path("template").path("metadata").path("labels");
    }

    static String envValue(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) if (e.path("name").asText().equals(name)) return e.path("value").asText();
        throw new AssertionError("no env " + name);
    }

    static int servicePort(String service) {
        return object(service).path("spec").path("ports").get(0).path("port").asInt();
    }

    static void assertServiceTargets(String service, String workload, String portName, int containerPort) {
        JsonNode spec = object(service).path("spec");
        JsonNode labels = podLabels(workload);
        spec.path("selector").properties().forEach(e -> assertThat(labels.path(e.getKey())).as("selector of %s", service).isEqualTo(e.getValue()));
        JsonNode port = spec.path("ports").get(0);
        assertThat(port.path("targetPort").asText()).isIn(portName, Integer.toString(containerPort));
    }
}
