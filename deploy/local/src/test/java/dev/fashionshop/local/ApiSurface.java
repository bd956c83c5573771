package dev.fashionshop.local;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;

import dev.fashionshop.local.services.ServiceSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Every operation the services' OpenAPI documents declare (through the gateway's /openapi/{service}): its method,
 * path, path and query parameters, and the schema of its JSON body with every reference resolved. What the
 * hostile requests are made from, so that an endpoint added to a service is attacked too, with no list to keep.
 */
record ApiSurface(List<Operation> operations) {

    /** One operation; {@code body} is the resolved JSON schema of its body, or null. */
    record Operation(String service, String method, String path, List<String> pathParameters, List<String> queryParameters,
            JsonObject body) {
    }

    static ApiSurface of(String gateway) {
        List<Operation> operations = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.SHOP) {
            JsonObject document = new JsonObject(given().get(gateway + "/openapi/{service}", spec.name())
                    .then().statusCode(200).extract().asString());
            JsonObject paths = document.getJsonObject("paths", new JsonObject());
            for (String path : paths.fieldNames()) {
                JsonObject methods = paths.getJsonObject(path);
                for (String method : methods.fieldNames()) {
                    if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                        continue;
                    }
                    operations.add(operation(spec.name(), method.toUpperCase(), path, methods.getJsonObject(method), document));
                }
            }
        }
        return new ApiSurface(List.copyOf(operations));
    }

    private static Operation operation(String service, String method, String path, JsonObject operation, JsonObject document) {
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        for (Object declared : operation.getJsonArray("parameters", new JsonArray())) {
            JsonObject parameter = resolve((JsonObject) declared, document);
            switch (parameter.getString("in", "")) {
                case "path" -> pathParameters.add(parameter.getString("name"));
                case "query" -> queryParameters.add(parameter.getString("name"));
                default -> { }
            }
        }
        JsonObject json = operation.getJsonObject("requestBody", new JsonObject())
                .getJsonObject("content", new JsonObject()).getJsonObject("application/json");
        JsonObject body = json == null || json.getJsonObject("schema") == null ? null
                : resolveAll(json.getJsonObject("schema"), document, 0);
        return new Operation(service, method, path, pathParameters, queryParameters, body);
    }

    private static JsonObject resolve(JsonObject maybeReference, JsonObject document) {
        String reference = maybeReference.getString("$ref");
        if (reference == null) {
            return maybeReference;
        }
        JsonObject target = document;
        for (String step : reference.substring(2).split("/")) {
            target = target.getJsonObject(step);
        }
        return target;
    }

    /** The schema with its references, and those of its properties and items, replaced by what they name. */
    private static JsonObject resolveAll(JsonObject schema, JsonObject document, int depth) {
        JsonObject resolved = resolve(schema, document).copy();
        if (depth > 5) {
            return resolved;
        }
        JsonObject properties = resolved.getJsonObject("properties");
        if (properties != null) {
            JsonObject deep = new JsonObject();
            properties.forEach(property -> deep.put(property.getKey(),
                    resolveAll((JsonObject) property.getValue(), document, depth + 1)));
            resolved.put("properties", deep);
        }
        if (resolved.getJsonObject("items") != null) {
            resolved.put("items", resolveAll(resolved.getJsonObject("items"), document, depth + 1));
        }
        return resolved;
    }
}
