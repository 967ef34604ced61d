package shop.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import shop.localparts.NodeModules;

/**
 * Checks a template's resource types, property names (at every depth), required properties and GetAtt attributes
 * against the CloudFormation resource specification that AWS CDK ships as {@code @aws-cdk/aws-service-spec}
 * (pinned in package.json; its db.json.gz is generated from the registry schemas CloudFormation publishes).
 * AWS::Serverless::* types are checked by {@link SamSpecification} instead.
 */
final class Specification {

    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs", "Globals");
    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("Type", "Properties", "Metadata", "DependsOn",
            "Condition", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy");
    private static final Set<String> OUTPUT_KEYS = Set.of("Description", "Value", "Export", "Condition");
    private static Specification loaded;

    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, JsonNode> typeDefinitions = new HashMap<>();

    private Specification(JsonNode db) {
        db.path("schema").path("resource").path("entities")
                .forEach(r -> resources.put(r.path("cloudFormationType").asText(), r));
        db.path("schema").path("typeDefinition").path("entities")
                .forEach(t -> typeDefinitions.put(t.path("$id").asText(), t));
    }

    static synchronized Specification load() {
        if (loaded == null) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(
                    NodeModules.resolve("@aws-cdk/aws-service-spec", "db.json.gz")))) {
                loaded = new Specification(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the CloudFormation specification", e);
            }
        }
        return loaded;
    }

    boolean knows(String type) {
        return resources.containsKey(type);
    }

    /** Everything in the template that CloudFormation or SAM would reject as unknown, misplaced or missing. */
    List<String> violations(Template template) {
        List<String> violations = new ArrayList<>();
        unknownKeys(template.root, SECTIONS, "template", violations);
        Map<String, Object> globals = Template.map(template.root.get("Globals"));
        SamSpecification.checkGlobals(globals, this, violations);
        Map<String, String> types = new HashMap<>();
        template.resources().forEach((id, resource) -> types.put(id, String.valueOf(resource.get("Type"))
                // SAM documents !GetAtt on a function as the generated AWS::Lambda::Function's attributes
                .replace("AWS::Serverless::Function", "AWS::Lambda::Function")));
        template.ofType("AWS::Serverless::Function").forEach((id, f) -> Template.map(Template.map(f.get("Properties"))
                .get("Events")).forEach((event, e) -> types.put(id + event, SamSpecification.generatedType(Template.map(e)))));
        template.resources().forEach((id, resource) -> checkResource(id, resource, violations));
        Template.map(template.root.get("Outputs")).forEach((name, output) -> {
            unknownKeys(Template.map(output), OUTPUT_KEYS, "Outputs/" + name, violations);
            if (!Template.map(output).containsKey("Value")) {
                violations.add("Outputs/" + name + ": missing Value");
            }
        });
        checkGetAtts(template.root, "", types, violations);
        return violations;
    }

    private void checkResource(String id, Map<String, Object> resource, List<String> violations) {
        String path = "Resources/" + id;
        unknownKeys(resource, RESOURCE_ATTRIBUTES, path, violations);
        String type = String.valueOf(resource.get("Type"));
        Map<String, Object> properties = Template.map(resource.get("Properties"));
        if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) {
            if (!properties.containsKey("ServiceToken")) {
                violations.add(path + ": a custom resource needs a ServiceToken");
            }
        } else if (type.startsWith("AWS::Serverless::")) {
            SamSpecification.checkResource(type, properties, path + "/Properties", this, violations);
        } else if (!resources.containsKey(type)) {
            violations.add(path + ": unknown resource type " + type);
        } else {
            checkObject(resources.get(type).path("properties"), properties, path + "/Properties", violations);
        }
    }

    /** Checks a value against the type that the specification gives {@code resourceType}'s property. */
    void checkProperty(String resourceType, String property, Object value, String path, List<String> violations) {
        JsonNode spec = resources.get(resourceType).path("properties").path(property);
        if (spec.isMissingNode()) {
            throw new IllegalStateException(resourceType + " has no property " + property + " in the specification");
        }
        checkValue(spec.path("type"), value, path, violations);
    }

    private void checkObject(JsonNode properties, Map<String, Object> value, String path, List<String> violations) {
        value.forEach((key, v) -> {
            JsonNode spec = properties.path(key);
            if (spec.isMissingNode()) {
                violations.add(path + ": unknown property " + key + " (known: " + names(properties) + ")");
            } else {
                checkValue(spec.path("type"), v, path + "/" + key, violations);
            }
        });
        properties.properties().forEach(p -> {
            if (p.getValue().path("required").asBoolean(false) && !value.containsKey(p.getKey())) {
                violations.add(path + ": missing required property " + p.getKey());
            }
        });
    }

    private void checkValue(JsonNode type, Object value, String path, List<String> violations) {
        if (value instanceof Map<?, ?> map && Template.isIntrinsic(map)) {
            return;
        }
        switch (type.path("type").asText()) {
            case "json" -> { }
            case "string", "date-time" -> expect(isScalar(value), path, "a text value", value, violations);
            case "number", "integer" -> expect(value instanceof Number
                    || (value instanceof String s && s.matches("-?\\d+(\\.\\d+)?")), path, "a number", value, violations);
            case "boolean" -> expect(value instanceof Boolean || "true".equals(value) || "false".equals(value),
                    path, "true or false", value, violations);
            case "ref" -> {
                if (expect(value instanceof Map, path, "an object", value, violations)) {
                    JsonNode definition = typeDefinitions.get(type.path("reference").path("$ref").asText());
                    checkObject(definition.path("properties"), Template.map(value), path, violations);
                }
            }
            case "array" -> {
                if (expect(value instanceof List, path, "a list", value, violations)) {
                    List<?> list = (List<?>) value;
                    for (int i = 0; i < list.size(); i++) {
                        checkValue(type.path("element"), list.get(i), path + "/" + i, violations);
                    }
                }
            }
            case "map" -> {
                if (expect(value instanceof Map, path, "a map", value, violations)) {
                    Template.map(value).forEach((k, v) -> checkValue(type.path("element"), v, path + "/" + k, violations));
                }
            }
            case "tag" -> {
                if (expect(value instanceof List, path, "a list of {Key, Value}", value, violations)) {
                    ((List<?>) value).forEach(tag -> unknownKeys(Template.map(tag), Set.of("Key", "Value"), path, violations));
                }
            }
            case "union" -> {
                List<String> fewest = null;
                for (JsonNode member : type.path("types")) {
                    List<String> attempt = new ArrayList<>();
                    checkValue(member, value, path, attempt);
                    if (attempt.isEmpty()) {
                        return;
                    }
                    fewest = fewest == null || attempt.size() < fewest.size() ? attempt : fewest;
                }
                violations.addAll(fewest == null ? List.of() : fewest);
            }
            default -> violations.add(path + ": the specification has a type this check does not know: " + type);
        }
    }

    /** {@code !GetAtt X.Attr} must name an attribute that X's type has (SAM types and custom resources excepted). */
    private void checkGetAtts(Object node, String path, Map<String, String> types, List<String> violations) {
        if (node instanceof Map<?, ?> map) {
            Object getAtt = map.get("Fn::GetAtt");
            if (getAtt instanceof List<?> parts && parts.size() == 2) {
                String type = types.get(String.valueOf(parts.get(0)));
                if (type != null && !type.startsWith("AWS::Serverless::") && resources.containsKey(type)
                        && !resources.get(type).path("attributes").has(String.valueOf(parts.get(1)))) {
                    violations.add(path + ": " + type + " has no attribute " + parts.get(1)
                            + " (has: " + names(resources.get(type).path("attributes")) + ")");
                }
            }
            Template.map(map).forEach((k, v) -> checkGetAtts(v, path + "/" + k, types, violations));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkGetAtts(list.get(i), path + "/" + i, types, violations);
            }
        }
    }

    static void unknownKeys(Map<String, Object> value, Set<String> known, String path, List<String> violations) {
        value.keySet().stream().filter(k -> !known.contains(k)).forEach(k ->
                violations.add(path + ": unknown key " + k + " (known: " + new TreeSet<>(known) + ")"));
    }

    private static boolean expect(boolean ok, String path, String what, Object value, List<String> violations) {
        if (!ok) {
            violations.add(path + ": expected " + what + ", found " + value);
        }
        return ok;
    }

    static boolean isScalar(Object value) {
        return !(value instanceof Map) && !(value instanceof List);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
