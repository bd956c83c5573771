package dev.fashionshop.kubernetes;

import static dev.fashionshop.kubernetes.Manifests.fieldNames;
import static dev.fashionshop.kubernetes.Manifests.labels;
import static dev.fashionshop.kubernetes.Manifests.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * deploy/kubernetes/monitoring as kubectl renders it: Prometheus scrapes the five services and nothing
 * else, every alert is complete, and the dashboard is a ConfigMap Grafana's sidecar picks up, whose every
 * panel queries something.
 */
class MonitoringTest {

    private final SchemaValidator validator = new SchemaValidator();

    @Test
    void everyDocumentIsValid() throws Exception {
        List<JsonNode> documents = monitoring();

        assertThat(documents).extracting(Manifests::kind).containsExactlyInAnyOrder("ServiceMonitor", "PrometheusRule",
                "ConfigMap");
        assertThat(documents.stream().flatMap(d -> validator.problems(d).stream())).isEmpty();
    }

    @Test
    void aBrokenPrometheusRuleFails() throws Exception {
        List<String> problems = Manifests.parse("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: broken
                spec:
                  group:
                    - name: misspelt
                  groups:
                    - name: broken
                      rules:
                        - alert: NoExpression
                          expresion: up == 0
                        - record: AndAlert
                          alert: AndAlert
                          expr: up
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: labels-as-a-list
                spec:
                  groups:
                    - name: broken
                      rules:
                        - alert: Listed
                          expr: up == 0
                          labels: [severity]
                """).stream().flatMap(d -> validator.problems(d).stream()).toList();

        assertThat(problems).anyMatch(p -> p.contains("PrometheusRule broken") && p.contains("spec.group "));
        assertThat(problems).anyMatch(p -> p.contains("rules[0].expresion"));
        assertThat(problems).anyMatch(p -> p.contains("rules[0].expr is required"));
        assertThat(problems).anyMatch(p -> p.contains("rules[1].alert or") && p.contains("not both"));
        assertThat(problems).anyMatch(p -> p.contains("PrometheusRule labels-as-a-list"));
    }

    @Test
    void prometheusScrapesTheFiveServicesAndNothingElse() throws Exception {
        JsonNode monitor = ofKind(monitoring(), "ServiceMonitor").get(0);
        Map<String, String> selector = labels(monitor.path("spec").path("selector").path("matchLabels"));
        JsonNode endpoint = monitor.path("spec").path("endpoints").path(0);
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");

        List<JsonNode> services = ofKind(Manifests.kustomize(Manifests.ROOT.resolve("overlays/prod")), "Service");
        Set<String> scraped = services.stream()
                .filter(service -> labels(service.path("metadata").path("labels")).entrySet().containsAll(selector.entrySet()))
                .map(Manifests::name).collect(Collectors.toSet());
        assertThat(scraped).containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
        for (JsonNode service : services.stream().filter(s -> scraped.contains(Manifests.name(s))).toList()) {
            assertThat(StreamSupport.stream(service.path("spec").path("ports").spliterator(), false)
                    .map(port -> port.path("name").asText())).as(Manifests.name(service)).contains(endpoint.path("port").asText());
        }
    }

    @Test
    void everyOverlaySendsTheServicesTracesToACollector() throws Exception {
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            List<JsonNode> documents = Manifests.kustomize(Manifests.ROOT.resolve(overlay));
            JsonNode shopConfig = ofKind(documents, "ConfigMap").stream()
                    .filter(map -> Manifests.name(map).startsWith("shop-config")).findFirst().orElseThrow();
            assertThat(shopConfig.path("data").path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText()).as(overlay)
                    .matches("https?://[a-z0-9.-]+:\\d+");
            for (JsonNode deployment : ofKind(documents, "Deployment").stream()
                    .filter(d -> Manifests.SERVICES.contains(Manifests.name(d))).toList()) {
                assertThat(deployment.findValues("configMapRef").stream().map(ref -> ref.path("name").asText()))
                        .as("%s reads the endpoint", Manifests.name(deployment)).contains(Manifests.name(shopConfig));
            }
        }
    }

    @Test
    void everyAlertSaysWhatHappenedAndHowBadItIs() throws Exception {
        JsonNode rules = ofKind(monitoring(), "PrometheusRule").get(0);
        assertThat(rules.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(fieldNames(rules.path("spec"))).containsExactly("groups");
        Map<String, JsonNode> alerts = new HashMap<>();
        for (JsonNode group : rules.path("spec").path("groups")) {
            assertThat(fieldNames(group)).containsExactlyInAnyOrder("name", "rules");
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                assertThat(alerts.put(name, rule)).as("one alert named " + name).isNull();
                assertThat(Set.of("alert", "expr", "for", "labels", "annotations")).containsAll(fieldNames(rule));
                assertThat(rule.path("expr").asText()).as(name).isNotBlank();
                assertThat(rule.path("labels").path("severity").asText()).as(name).isIn("warning", "critical");
                assertThat(rule.path("annotations").path("summary").asText()).as(name).isNotBlank();
                if (rule.has("for")) {
                    assertThat(Duration.parse("PT" + rule.path("for").asText().toUpperCase())).as(name).isPositive();
                }
            }
        }
        assertThat(alerts).containsKeys("ShopOutboxBacklogGrowing", "ShopEventsDeadLettered", "ShopPaymentBreakerOpen",
                "ShopConsumerLagging", "ShopKafkaUnreachable", "ShopReadinessFlapping");
    }

    @Test
    void theDashboardIsPickedUpByGrafanaAndEveryPanelQueriesSomething() throws Exception {
        JsonNode configMap = ofKind(monitoring(), "ConfigMap").get(0);
        assertThat(configMap.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        JsonNode dashboard = new ObjectMapper().readTree(configMap.path("data").path("shop-dashboard.json").asText());
        assertThat(dashboard).isEqualTo(new ObjectMapper().readTree(
                Files.readString(Manifests.ROOT.resolve("monitoring/shop-dashboard.json"))));

        assertThat(dashboard.path("uid").asText()).isEqualTo("fashion-shop");
        assertThat(dashboard.path("panels")).hasSizeGreaterThanOrEqualTo(8);
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            panel.path("targets").forEach(target -> assertThat(target.path("expr").asText()).isNotBlank());
        }
    }

    private static List<JsonNode> monitoring() throws Exception {
        return Manifests.kustomize(Manifests.ROOT.resolve("monitoring"));
    }
}
