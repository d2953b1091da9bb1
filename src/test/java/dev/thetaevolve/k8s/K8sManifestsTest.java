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
        assertThat(workloads()).hasSize(5);
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
        Set<String> allowed = egressTargets(np);
        assertThat(allowed).containsExactlyInAnyOrder("postgres/TCP/5432", "vllm/TCP/8000", "rabbitmq/TCP/5672", "dns:kube-dns/UDP/53", "dns:kube-dns/TCP/53");
        assertThat(podLabels("StatefulSet/postgres").path("app.kubernetes.io/name").asText()).isEqualTo("postgres");
        assertThat(podLabels("Deployment/vllm").path("app.kubernetes.io/name").asText()).isEqualTo("vllm");
    }

    /** "target/PROTOCOL/port" for every destination an egress policy allows; no rule may leave 'to' or 'ports' open. */
    static Set<String> egressTargets(JsonNode np) {
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
        return allowed;
    }

    // ---- remote evaluation (issue 16): broker, evaluator pods, autoscaling, their network policies

    /**
     * Measured RSS (BENCHMARKS.md, section 9): the evaluator JVM (191–221 MiB) and a -Xmx512m worker JVM after a
     * candidate that filled 320 MB of heap (369 MiB; 56–58 MiB after trivial ones). A worker at its full heap is
     * about 512 + 57 MiB: the limit covers that.
     */
    static final int EVALUATOR_JVM_MIB = 221;
    static final int WORKER_JVM_MIB = 369;

    @Test
    void rabbitmq_isAStatefulSetWithAPersistentVolume_andCredentialsFromTheBrokerSecret() {
        JsonNode sts = object("StatefulSet/rabbitmq");
        JsonNode c = container("StatefulSet/rabbitmq");
        assertThat(c.path("image").asText()).startsWith("rabbitmq:3.");
        assertThat(containerPort(c, "amqp")).isEqualTo(5672);
        JsonNode governing = object("Service/" + sts.path("spec").path("serviceName").asText());
        assertThat(governing.path("spec").path("clusterIP").asText()).isEqualTo("None");
        assertServiceTargets("Service/rabbitmq", "StatefulSet/rabbitmq", "amqp", 5672);
        JsonNode claim = sts.path("spec").path("volumeClaimTemplates").get(0);
        assertThat(claim.path("spec").path("resources").path("requests").path("storage").asText()).isNotBlank();
        List<String> mounts = new ArrayList<>();
        for (JsonNode m : c.path("volumeMounts")) if (m.path("name").asText().equals(claim.path("metadata").path("name").asText())) mounts.add(m.path("mountPath").asText());
        assertThat(mounts).containsExactly("/var/lib/rabbitmq");
        Map<String, JsonNode> env = env(c);
        assertThat(secretValue(env.get("RABBITMQ_DEFAULT_USER"))).isNotBlank();
        assertThat(secretValue(env.get("RABBITMQ_DEFAULT_PASS"))).isNotBlank();
    }

    @Test
    void evaluator_consumesTheBrokerServicesQueue_withTheBrokersCredentials_andMeasuredMemory() {
        JsonNode c = container("Deployment/thetaevolve-evaluator");
        assertThat(c.path("image").asText()).isEqualTo(container("Deployment/thetaevolve").path("image").asText());
        List<String> args = strings(c.path("args"));
        assertThat(args.get(0)).isEqualTo("evaluator");
        URI broker = URI.create(argAfter(args, "--broker"));
        assertThat(broker.getScheme()).isEqualTo("amqp");
        assertThat(broker.getUserInfo()).as("no credentials in the arguments").isNull();
        assertThat(broker.getHost()).isEqualTo("rabbitmq");
        assertThat(broker.getPort()).isEqualTo(servicePort("Service/rabbitmq"));
        String queue = broker.getQuery().replace("queue=", "");
        // the service sends its runs' jobs to that queue, and KEDA watches it
        URI service = URI.create(object("ConfigMap/thetaevolve-config").path("data").path("THETAEVOLVE_EVALUATORS").asText());
        assertThat(service.getHost()).isEqualTo("rabbitmq");
        assertThat(service.getPort()).isEqualTo(broker.getPort());
        assertThat(service.getQuery()).isEqualTo("queue=" + queue);
        assertThat(object("ScaledObject/thetaevolve-evaluator").path("spec").path("triggers").get(0).path("metadata").path("queueName").asText())
                .isEqualTo(queue);
        // both sides read the broker's user from the broker Secret, as RabbitMQ does
        Map<String, JsonNode> env = env(c);
        Map<String, JsonNode> serviceEnv = env(container("Deployment/thetaevolve"));
        Map<String, JsonNode> brokerEnv = env(container("StatefulSet/rabbitmq"));
        for (String[] pair : new String[][] {{"THETAEVOLVE_BROKER_USERNAME", "RABBITMQ_DEFAULT_USER"}, {"THETAEVOLVE_BROKER_PASSWORD", "RABBITMQ_DEFAULT_PASS"}}) {
            assertThat(env.get(pair[0]).path("valueFrom")).as(pair[0]).isEqualTo(brokerEnv.get(pair[1]).path("valueFrom"));
            assertThat(serviceEnv.get(pair[0]).path("valueFrom")).as(pair[0]).isEqualTo(brokerEnv.get(pair[1]).path("valueFrom"));
        }
        // memory: the evaluator JVM plus every worker JVM (workers and one warm spare) at its measured size
        int workers = Integer.parseInt(argAfter(args, "--workers"));
        assertThat(Integer.parseInt(argAfter(args, "--heap-mb"))).isEqualTo(512);
        int needed = EVALUATOR_JVM_MIB + (workers + 1) * WORKER_JVM_MIB;
        assertThat(mebibytes(c.path("resources").path("requests").path("memory").asText())).isGreaterThanOrEqualTo(needed);
        assertThat(mebibytes(c.path("resources").path("limits").path("memory").asText())).isGreaterThanOrEqualTo(EVALUATOR_JVM_MIB + (workers + 1) * (512 + 58));
        assertThat(c.path("resources").path("requests").path("cpu").asText()).isEqualTo(Integer.toString(workers));
        // the probes read the file the evaluator writes
        String health = argAfter(args, "--health-file");
        assertThat(strings(c.path("readinessProbe").path("exec").path("command"))).containsExactly("grep", "-q", "ready", health);
        assertThat(String.join(" ", strings(c.path("livenessProbe").path("exec").path("command")))).contains(health);
        assertThat(object("Deployment/thetaevolve-evaluator").path("spec").path("template").path("spec").path("terminationGracePeriodSeconds").asInt())
                .isGreaterThan(Integer.parseInt(argAfter(args, "--grace")));
    }

    @Test
    void keda_scalesTheEvaluatorsOnTheJobsQueue_withTheBrokerSecretsUri() {
        JsonNode so = object("ScaledObject/thetaevolve-evaluator").path("spec");
        assertThat(so.path("scaleTargetRef").path("name").asText()).isEqualTo("thetaevolve-evaluator");
        object("Deployment/" + so.path("scaleTargetRef").path("name").asText());
        assertThat(so.path("minReplicaCount").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(so.path("maxReplicaCount").asInt()).isGreaterThan(so.path("minReplicaCount").asInt());
        JsonNode trigger = so.path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("rabbitmq");
        assertThat(trigger.path("metadata").path("mode").asText()).isEqualTo("QueueLength");
        assertThat(Integer.parseInt(trigger.path("metadata").path("value").asText())).isPositive();
        JsonNode auth = object("TriggerAuthentication/" + trigger.path("authenticationRef").path("name").asText()).path("spec");
        JsonNode ref = auth.path("secretTargetRef").get(0);
        assertThat(ref.path("parameter").asText()).isEqualTo("host");
        JsonNode secret = object("Secret/" + ref.path("name").asText()).path("stringData");
        URI host = URI.create(secret.path(ref.path("key").asText()).asText());
        assertThat(host.getHost()).isEqualTo("rabbitmq");
        assertThat(host.getPort()).isEqualTo(servicePort("Service/rabbitmq"));
        assertThat(host.getUserInfo()).isEqualTo(secret.path("username").asText() + ":" + secret.path("password").asText());
    }

    @Test
    void noKedaOverlay_replacesTheKedaObjectsWithACpuHpa() throws IOException {
        Path overlay = DIR.resolve("no-keda");
        JsonNode k = YAML.readTree(overlay.resolve("kustomization.yaml").toFile());
        List<String> resources = strings(k.path("resources"));
        assertThat(resources).contains("../");
        Set<String> deleted = new HashSet<>();
        for (JsonNode p : k.path("patches")) {
            JsonNode patch = YAML.readTree(p.path("patch").asText());
            assertThat(patch.path("$patch").asText()).isEqualTo("delete");
            deleted.add(patch.path("kind").asText() + "/" + patch.path("metadata").path("name").asText());
        }
        Set<String> keda = new HashSet<>();
        OBJECTS.forEach((key, o) -> {
            if (o.path("apiVersion").asText().startsWith("keda.sh/")) keda.add(key);
        });
        assertThat(deleted).isEqualTo(keda);
        List<String> files = new ArrayList<>(resources);
        files.remove("../");
        assertThat(files).hasSize(1);
        JsonNode hpa = YAML.readTree(overlay.resolve(files.get(0)).toFile());
        assertThat(hpa.path("kind").asText()).isEqualTo("HorizontalPodAutoscaler");
        assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.path("spec").path("scaleTargetRef").path("kind").asText() + "/" + hpa.path("spec").path("scaleTargetRef").path("name").asText())
                .isEqualTo("Deployment/thetaevolve-evaluator");
        assertThat(hpa.path("spec").path("metrics").get(0).path("resource").path("name").asText()).isEqualTo("cpu");
        assertThat(hpa.path("spec").path("maxReplicas").asInt()).isGreaterThan(hpa.path("spec").path("minReplicas").asInt());
    }

    @Test
    void networkPolicy_letsEvaluatorsReachOnlyTheBroker_andTheBrokerHearOnlyItsClients() {
        JsonNode np = object("NetworkPolicy/evaluator-egress").path("spec");
        assertThat(np.path("podSelector").path("matchLabels")).isEqualTo(podLabels("Deployment/thetaevolve-evaluator"));
        assertThat(strings(np.path("policyTypes"))).contains("Egress", "Ingress");
        assertThat(np.path("ingress").size()).as("no ingress at all").isZero();
        assertThat(egressTargets(np)).containsExactlyInAnyOrder("rabbitmq/TCP/5672", "dns:kube-dns/UDP/53", "dns:kube-dns/TCP/53");
        assertThat(podLabels("StatefulSet/rabbitmq").path("app.kubernetes.io/name").asText()).isEqualTo("rabbitmq");

        JsonNode in = object("NetworkPolicy/rabbitmq-ingress").path("spec");
        assertThat(in.path("podSelector").path("matchLabels")).isEqualTo(podLabels("StatefulSet/rabbitmq"));
        Set<String> from = new HashSet<>();
        for (JsonNode rule : in.path("ingress")) {
            assertThat(rule.path("ports").size()).isPositive();
            for (JsonNode f : rule.path("from")) {
                from.add(f.has("namespaceSelector") ? "ns:" + f.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText()
                        : f.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
            }
            for (JsonNode p : rule.path("ports")) assertThat(p.path("port").asInt()).isEqualTo(5672);
        }
        assertThat(from).containsExactlyInAnyOrder("thetaevolve", "thetaevolve-evaluator", "ns:keda");
    }

    static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    static String secretValue(JsonNode envEntry) {
        JsonNode ref = envEntry.path("valueFrom").path("secretKeyRef");
        return object("Secret/" + ref.path("name").asText()).path("stringData").path(ref.path("key").asText()).asText();
    }

    static int mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) return (int) (Double.parseDouble(quantity.substring(0, quantity.length() - 2)) * 1024);
        if (quantity.endsWith("Mi")) return Integer.parseInt(quantity.substring(0, quantity.length() - 2));
        throw new AssertionError("unexpected quantity " + quantity);
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
