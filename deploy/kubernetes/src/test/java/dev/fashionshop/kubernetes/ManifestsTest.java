package dev.fashionshop.kubernetes;

import static dev.fashionshop.kubernetes.Manifests.fieldNames;
import static dev.fashionshop.kubernetes.Manifests.labels;
import static dev.fashionshop.kubernetes.Manifests.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.fashionshop.local.services.ServiceSpec;

/**
 * Every overlay as kubectl renders it, and every manifest quarkus-kubernetes generated, validated
 * offline against the Kubernetes 1.30 and CRD schemas (unknown fields and wrong types fail), and
 * checked for what matters in production: probes, autoscaling, disruption budgets, rolling updates
 * without unavailability, draining, no credential in clear, released images, routes and isolation.
 */
class ManifestsTest {

    private final SchemaValidator validator = new SchemaValidator();

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyDocumentOfTheOverlayIsValid(String overlay) throws Exception {
        List<JsonNode> documents = overlay(overlay);

        assertThat(documents.stream().flatMap(d -> validator.problems(d).stream())).isEmpty();
        assertThat(documents.stream().map(Manifests::kind).collect(Collectors.toSet())).contains("Deployment", "Service",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap", "Kafka", "KafkaNodePool", "KafkaTopic",
                "Cluster", "NetworkPolicy");
    }

    @Test
    void everyGeneratedManifestIsValid() throws Exception {
        for (String service : Manifests.SERVICES) {
            List<JsonNode> documents = Manifests.read(Manifests.ROOT.resolve("base/generated/" + service + "/kubernetes.yml"));
            assertThat(documents).as(service).extracting(Manifests::kind)
                    .contains("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget");
            assertThat(documents.stream().flatMap(d -> validator.problems(d).stream())).as(service).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyServiceRollsWithoutDowntimeScalesAndSurvivesDisruptions(String overlay) throws Exception {
        List<JsonNode> documents = overlay(overlay);
        List<JsonNode> deployments = ofKind(documents, "Deployment");
        assertThat(deployments).extracting(Manifests::name).containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);

        for (JsonNode deployment : deployments) {
            String name = Manifests.name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").path(0);
            assertThat(container.has("livenessProbe") && container.has("readinessProbe") && container.has("startupProbe"))
                    .as(name + " has the three probes").isTrue();
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
            assertThat(container.path("resources").path("requests").has("cpu")).as(name + " requests CPU (the HPA needs it)").isTrue();
            assertThat(container.path("resources").path("limits").has("memory")).as(name + " has a memory limit").isTrue();
            assertThat(deployment.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable").asText())
                    .as(name + " never takes a pod away before its replacement is ready").isEqualTo("0");
            int preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asInt();
            assertThat(preStop).as(name + " pauses before its SIGTERM while endpoints drain").isPositive();
            assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as(name + " grace period")
                    .isGreaterThanOrEqualTo(preStop + 5 + 20);
            assertThat(deployment.path("spec").has("replicas")).as(name + ": its autoscaler owns the replicas").isFalse();
            String image = container.path("image").asText();
            assertThat(image).as(name + " image").contains(":").doesNotEndWith(":latest");

            JsonNode autoscaler = ofKind(documents, "HorizontalPodAutoscaler").stream()
                    .filter(h -> name.equals(h.path("spec").path("scaleTargetRef").path("name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no HorizontalPodAutoscaler"));
            assertThat(autoscaler.path("spec").path("metrics").path(0).path("resource").path("name").asText()).isEqualTo("cpu");
            if (overlay.equals("prod")) {
                assertThat(autoscaler.path("spec").path("minReplicas").asInt()).as(name + " min replicas").isGreaterThanOrEqualTo(2);
            }
            Map<String, String> podLabels = labels(deployment.path("spec").path("template").path("metadata").path("labels"));
            assertThat(ofKind(documents, "PodDisruptionBudget")).as(name + " has a PodDisruptionBudget")
                    .anyMatch(pdb -> podLabels.entrySet().containsAll(
                            labels(pdb.path("spec").path("selector").path("matchLabels")).entrySet()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void noCredentialIsWrittenInClear(String overlay) throws Exception {
        List<JsonNode> documents = overlay(overlay);

        for (JsonNode secret : ofKind(documents, "Secret")) {
            List<JsonNode> values = new ArrayList<>();
            secret.path("data").forEach(values::add);
            secret.path("stringData").forEach(values::add);
            assertThat(values).as(Manifests.describe(secret) + " holds placeholders only")
                    .allMatch(value -> value.asText().matches("(?i).*(change[-_ ]?me|placeholder).*"));
        }
        for (JsonNode deployment : ofKind(documents, "Deployment")) {
            for (JsonNode env : deployment.path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
                if (env.path("name").asText().matches(".*(PASSWORD|SECRET|TOKEN|USER).*")) {
                    assertThat(env.path("valueFrom").has("secretKeyRef"))
                            .as(Manifests.name(deployment) + " reads " + env.path("name").asText() + " from a Secret").isTrue();
                }
            }
        }
        for (JsonNode config : ofKind(documents, "ConfigMap")) {
            assertThat(fieldNames(config.path("data"))).noneMatch(key -> key.matches(".*(PASSWORD|SECRET).*"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theRoutesAreTheLocalGatewaysAndPaymentServiceIsReachableFromOrderServiceAndPrometheusOnly(String overlay) throws Exception {
        List<JsonNode> documents = overlay(overlay);
        Map<String, String> routed = overlay.equals("prod") ? httpRoutes(documents) : ingressRoutes(documents);

        Map<String, String> local = ServiceSpec.SHOP.stream()
                .flatMap(spec -> spec.gatewayPaths().stream().map(path -> Map.entry(path, spec.name())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(routed).isEqualTo(local).doesNotContainValue("payment-service");

        JsonNode policy = ofKind(documents, "NetworkPolicy").stream()
                .filter(p -> "payment-service".equals(p.path("spec").path("podSelector").path("matchLabels")
                        .path("app.kubernetes.io/name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy guards payment-service"));
        JsonNode ingress = policy.path("spec").path("ingress");
        assertThat(ingress).hasSize(2);
        assertThat(ingress.path(0).path("from")).hasSize(1);
        assertThat(ingress.path(0).path("from").path(0).path("podSelector").path("matchLabels")
                .path("app.kubernetes.io/name").asText()).isEqualTo("order-service");
        // and Prometheus, which scrapes its metrics, from the monitoring namespace only
        assertThat(ingress.path(1).path("from")).hasSize(1);
        assertThat(ingress.path(1).path("from").path(0).path("namespaceSelector").path("matchLabels")
                .path("kubernetes.io/metadata.name").asText()).isEqualTo("monitoring");
        assertThat(ingress.path(1).path("from").path(0).has("podSelector")).isFalse();
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsDeclared() throws Exception {
        Set<String> topics = ofKind(overlay("prod"), "KafkaTopic").stream().map(Manifests::name).collect(Collectors.toSet());

        assertThat(topics).containsExactlyInAnyOrder("items", "orders", "payments", "store-orders", "deliveries",
                "items-dlq", "orders-dlq", "payments-dlq", "store-orders-dlq", "deliveries-dlq");
    }

    @Test
    void aBrokenManifestFails() throws Exception {
        List<JsonNode> broken = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: broken
                spec:
                  replicas: two
                  replica: 2
                  selector:
                    matchLabels:
                      app: broken
                  template:
                    metadata:
                      labels:
                        app: broken
                    spec:
                      containers:
                        - name: broken
                          image: broken:1
                          livenessProbe:
                            httpGet:
                              path: /q/health/live
                              port: 8080
                            periodSecond: 10
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: broken
                spec:
                  partitions: three
                ---
                apiVersion: example.com/v1
                kind: Unknown
                metadata:
                  name: broken
                """);

        List<String> problems = broken.stream().flatMap(d -> validator.problems(d).stream()).toList();

        assertThat(problems).anyMatch(p -> p.contains("Deployment broken") && p.contains("replicas"));
        assertThat(problems).anyMatch(p -> p.contains("Deployment broken") && p.contains("replica") && !p.contains("replicas"));
        assertThat(problems).anyMatch(p -> p.contains("Deployment broken") && p.contains("periodSecond"));
        assertThat(problems).anyMatch(p -> p.contains("KafkaTopic broken") && p.contains("partitions"));
        assertThat(problems).anyMatch(p -> p.contains("Unknown broken") && p.contains("no schema"));
    }

    private static List<JsonNode> overlay(String name) throws Exception {
        return Manifests.kustomize(Manifests.ROOT.resolve("overlays").resolve(name));
    }

    /** Path prefix to backend service, from the HTTPRoutes. */
    private static Map<String, String> httpRoutes(List<JsonNode> documents) {
        return ofKind(documents, "HTTPRoute").stream()
                .flatMap(route -> StreamSupport.stream(route.path("spec").path("rules").spliterator(), false))
                .collect(Collectors.toMap(rule -> rule.path("matches").path(0).path("path").path("value").asText(),
                        rule -> rule.path("backendRefs").path(0).path("name").asText()));
    }

    /** Path prefix to backend service, from the Ingresses. */
    private static Map<String, String> ingressRoutes(List<JsonNode> documents) {
        return ofKind(documents, "Ingress").stream()
                .flatMap(ingress -> StreamSupport.stream(ingress.path("spec").path("rules").spliterator(), false))
                .flatMap(rule -> StreamSupport.stream(rule.path("http").path("paths").spliterator(), false))
                .collect(Collectors.toMap(path -> path.path("path").asText(),
                        path -> path.path("backend").path("service").path("name").asText()));
    }
}
