package dev.fashionshop.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/** Kubernetes manifests as documents: read from a file, or rendered from a Kustomize directory by kubectl. */
final class Manifests {

    /** deploy/kubernetes, the module's directory (where Maven runs its tests). */
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final List<String> SERVICES = List.of("store-service", "order-service", "payment-service", "delivery-service",
            "order-view-service");

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    private Manifests() {
    }

    /** What {@code kubectl kustomize <directory>} renders. */
    static List<JsonNode> kustomize(Path directory) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", directory.toString()).redirectErrorStream(false).start();
        byte[] rendered = kubectl.getInputStream().readAllBytes();
        String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(2, TimeUnit.MINUTES) || kubectl.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + errors);
        }
        return parse(new java.io.ByteArrayInputStream(rendered));
    }

    static List<JsonNode> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        }
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        return parse(new java.io.ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<JsonNode> parse(InputStream yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = YAML.createParser(yaml)) {
            var values = MAPPER.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    static String kind(JsonNode document) {
        return document.path("kind").asText();
    }

    static String name(JsonNode document) {
        return document.path("metadata").path("name").asText();
    }

    static String describe(JsonNode document) {
        return document.path("apiVersion").asText() + " " + kind(document) + " " + name(document);
    }

    static List<JsonNode> ofKind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(kind(d))).toList();
    }

    /** A labels (or matchLabels) object as a map. */
    static Map<String, String> labels(JsonNode labels) {
        return StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) labels::fields).spliterator(), false)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().asText()));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
