package dev.fashionshop.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates a manifest the way kubeconform does, offline: the JSON schema of its kind is chosen from
 * its apiVersion and kind, among the strict schemas of Kubernetes 1.30 (unknown fields are errors) and
 * those of the custom resources the shop uses (Strimzi, Gateway API, CloudNativePG, Prometheus
 * Operator), copied from the design's k8s-schemas into src/test/resources. A PrometheusRule, whose
 * schema k8s-schemas lacks, is checked against the operator's API model instead (PrometheusRuleModel).
 */
final class SchemaValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** The problems of one document; empty when it is valid. A kind without a schema is a problem too. */
    List<String> problems(JsonNode document) {
        if ("monitoring.coreos.com/v1".equals(document.path("apiVersion").asText())
                && "PrometheusRule".equals(Manifests.kind(document))) {
            return PrometheusRuleModel.problems(document);
        }
        String resource = schemaResource(document);
        JsonSchema schema = schemas.computeIfAbsent(resource, SchemaValidator::load);
        if (schema == null) {
            return List.of(Manifests.describe(document) + ": no schema for this kind (" + resource + ")");
        }
        return schema.validate(document).stream().map(ValidationMessage::getMessage)
                .map(message -> Manifests.describe(document) + ": " + message).toList();
    }

    /** k8s-schemas/v1.30.0-standalone-strict/deployment-apps-v1.json, or k8s-schemas/crds/kafka.strimzi.io/kafka_v1beta2.json. */
    static String schemaResource(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = Manifests.kind(document).toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return "k8s-schemas/v1.30.0-standalone-strict/" + kind + "-" + apiVersion + ".json";
        }
        String group = apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (group.endsWith(".k8s.io") && !group.startsWith("gateway.") || !group.contains(".")) {
            return "k8s-schemas/v1.30.0-standalone-strict/" + kind + "-" + group.split("\\.")[0] + "-" + version + ".json";
        }
        return "k8s-schemas/crds/" + group + "/" + kind + "_" + version + ".json";
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            schema.remove("$schema"); // "http://json-schema.org/schema#" names no draft; these are draft 4
            return FACTORY.getSchema(schema);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
