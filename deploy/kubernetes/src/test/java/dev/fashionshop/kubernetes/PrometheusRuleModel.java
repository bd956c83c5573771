package dev.fashionshop.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;

/**
 * Validates a PrometheusRule offline against the Prometheus Operator's API as fabric8 generates it from
 * the operator's CRDs: every field must be one the operator knows at its place, with the type it has
 * there. k8s-schemas has no JSON schema of this kind (requested); fabric8's model keeps a field it does
 * not know in "additional properties", which is what this reports.
 */
final class PrometheusRuleModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrometheusRuleModel() {
    }

    /** The problems of one PrometheusRule; empty when it is valid. */
    static List<String> problems(JsonNode document) {
        String where = Manifests.describe(document);
        PrometheusRule resource;
        try {
            resource = JSON.treeToValue(document, PrometheusRule.class);
        } catch (JsonProcessingException e) {
            return List.of(where + ": " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        unknown(where, "", resource.getAdditionalProperties(), problems);
        if (resource.getMetadata() != null) {
            unknown(where, "metadata.", resource.getMetadata().getAdditionalProperties(), problems);
        }
        if (resource.getSpec() == null || resource.getSpec().getGroups() == null) {
            return List.of(where + ": spec.groups is required");
        }
        unknown(where, "spec.", resource.getSpec().getAdditionalProperties(), problems);
        List<RuleGroup> groups = resource.getSpec().getGroups();
        for (int g = 0; g < groups.size(); g++) {
            RuleGroup group = groups.get(g);
            String groupPath = "spec.groups[" + g + "].";
            unknown(where, groupPath, group.getAdditionalProperties(), problems);
            if (group.getName() == null || group.getName().isBlank()) {
                problems.add(where + ": " + groupPath + "name is required");
            }
            List<Rule> rules = group.getRules() == null ? List.of() : group.getRules();
            for (int r = 0; r < rules.size(); r++) {
                Rule rule = rules.get(r);
                String rulePath = groupPath + "rules[" + r + "].";
                unknown(where, rulePath, rule.getAdditionalProperties(), problems);
                if (rule.getExpr() == null) {
                    problems.add(where + ": " + rulePath + "expr is required");
                }
                if ((rule.getAlert() == null) == (rule.getRecord() == null)) {
                    problems.add(where + ": " + rulePath + "alert or " + rulePath + "record is required, not both");
                }
            }
        }
        return problems;
    }

    private static void unknown(String where, String path, Map<String, Object> additional, List<String> problems) {
        additional.keySet().forEach(field -> problems.add(where + ": " + path + field + " is not a field the operator knows"));
    }
}
