package shop.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import shop.localparts.CloudFormationYaml;
import shop.localparts.ProjectRoot;

/** The project's template.yaml as CloudFormation sees it, with the few look-ups the tests share. */
final class Template {

    static final Path FILE = ProjectRoot.find().resolve("template.yaml");

    final Map<String, Object> root;

    private Template(Map<String, Object> root) {
        this.root = root;
    }

    static Template load() {
        return new Template(CloudFormationYaml.read(FILE));
    }

    static Template parse(String yaml) {
        return new Template(CloudFormationYaml.parse(yaml));
    }

    Map<String, Map<String, Object>> resources() {
        return CloudFormationYaml.resources(root);
    }

    Map<String, Object> resource(String logicalId) {
        return Objects.requireNonNull(resources().get(logicalId), () -> "no resource " + logicalId);
    }

    Map<String, Map<String, Object>> ofType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
            }
        });
        return found;
    }

    Map<String, Object> properties(String logicalId) {
        return CloudFormationYaml.properties(resource(logicalId));
    }

    /** A function's properties as SAM applies them: Globals.Function first, the function's own on top. */
    Map<String, Object> effectiveFunction(String logicalId) {
        Map<String, Object> merged = new LinkedHashMap<>(map(map(root.get("Globals")).get("Function")));
        properties(logicalId).forEach((key, value) -> merged.merge(key, value, Template::mergeGlobal));
        return merged;
    }

    /** SAM's Globals rule: maps merge (the function wins per key), lists add up, anything else is replaced. */
    @SuppressWarnings("unchecked")
    private static Object mergeGlobal(Object global, Object local) {
        if (global instanceof Map<?, ?> g && local instanceof Map<?, ?> l && !isIntrinsic(l)) {
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) g);
            ((Map<String, Object>) l).forEach((k, v) -> merged.merge(k, v, Template::mergeGlobal));
            return merged;
        }
        if (global instanceof List<?> g && local instanceof List<?> l) {
            List<Object> merged = new ArrayList<>(g);
            merged.addAll(l);
            return merged;
        }
        return local;
    }

    /** The function's EventBridgeRule / Schedule / HttpApi / SQS events: name to {Type, Properties}. */
    Map<String, Map<String, Object>> events(String functionId, String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        map(properties(functionId).get("Events")).forEach((name, event) -> {
            if (type.equals(map(event).get("Type"))) {
                found.put(name, map(map(event).get("Properties")));
            }
        });
        return found;
    }

    /** The function whose SQS event reads {@code queueId}, or null when no function reads it. */
    String readerOf(String queueId) {
        if (queueId == null) {
            return null;
        }
        for (String id : ofType("AWS::Serverless::Function").keySet()) {
            if (events(id, "SQS").values().stream().anyMatch(e -> queueId.equals(target(e.get("Queue"))))) {
                return id;
            }
        }
        return null;
    }

    /** The AWS::Events::Rule resources with a target whose Arn names {@code queueId}: rule id to that target. */
    Map<String, Map<String, Object>> rulesTargeting(String queueId) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        ofType("AWS::Events::Rule").keySet().forEach(rule -> list(properties(rule).get("Targets")).stream().map(Template::map)
                .filter(t -> queueId.equals(target(t.get("Arn")))).forEach(t -> found.put(rule, t)));
        return found;
    }

    /** The first folder of a function's CodeUri: the Maven module that builds its jar. */
    String module(String functionId) {
        String codeUri = String.valueOf(properties(functionId).get("CodeUri"));
        return codeUri.contains("/") ? codeUri.substring(0, codeUri.indexOf('/')) : codeUri;
    }

    /** The logical id named by {@code !Ref X} or {@code !GetAtt X.Attr}, or null for anything else. */
    static String target(Object value) {
        Map<String, Object> map = map(value);
        if (map.get("Ref") instanceof String ref) {
            return ref;
        }
        if (map.get("Fn::GetAtt") instanceof List<?> getAtt && !getAtt.isEmpty()) {
            return String.valueOf(getAtt.get(0));
        }
        return null;
    }

    static boolean isIntrinsic(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        String key = String.valueOf(map.keySet().iterator().next());
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
    }
}
