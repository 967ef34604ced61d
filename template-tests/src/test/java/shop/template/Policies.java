package shop.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every IAM statement the template declares, with where it sits, so the security rules can read them. */
final class Policies {

    /** One statement, and the resource (and for roles the policy) it belongs to. */
    record Statement(String owner, Map<String, Object> body) {

        List<String> actions() {
            return Template.list(body.get("Action")).stream().map(String::valueOf).toList();
        }

        List<Object> resources() {
            return Template.list(body.get("Resource"));
        }

        boolean allowsAnyResource() {
            return resources().stream().anyMatch("*"::equals);
        }

        boolean allows(String action) {
            return "Allow".equals(body.get("Effect")) && actions().contains(action);
        }
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(\\.[A-Za-z.]+)?}");

    private Policies() {
    }

    static List<Statement> all(Template template) {
        List<Statement> statements = new ArrayList<>();
        template.resources().forEach((id, resource) -> {
            Map<String, Object> p = Template.map(resource.get("Properties"));
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::IAM::Role" -> {
                    add(statements, id + "/AssumeRolePolicyDocument", p.get("AssumeRolePolicyDocument"));
                    Template.list(p.get("Policies")).forEach(policy -> add(statements,
                            id + "/" + Template.map(policy).get("PolicyName"), Template.map(policy).get("PolicyDocument")));
                }
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy" ->
                        add(statements, id, p.get("PolicyDocument"));
                case "AWS::Events::EventBusPolicy" -> Template.list(p.get("Statement"))
                        .forEach(s -> statements.add(new Statement(id, Template.map(s))));
                case "AWS::Serverless::Function" -> Template.list(p.get("Policies")).forEach(policy -> add(statements,
                        id + "/Policies", policy));
                default -> { }
            }
        });
        return statements;
    }

    /** The statements of the role a function runs with. */
    static List<Statement> ofFunction(Template template, String functionId) {
        String role = Template.target(template.properties(functionId).get("Role"));
        return all(template).stream().filter(s -> s.owner().startsWith(role + "/") && !s.owner().endsWith("/AssumeRolePolicyDocument")).toList();
    }

    private static void add(List<Statement> statements, String owner, Object document) {
        Template.list(Template.map(document).get("Statement")).forEach(s -> statements.add(new Statement(owner, Template.map(s))));
    }

    /** Logical ids a value refers to through Ref, GetAtt or a Sub variable. */
    static Set<String> referencedIds(Object value) {
        Set<String> ids = new TreeSet<>();
        collect(value, ids);
        return ids;
    }

    private static void collect(Object value, Set<String> ids) {
        if (value instanceof Map<?, ?> map) {
            String target = Template.target(map);
            if (target != null) {
                ids.add(target);
            }
            Object sub = map.get("Fn::Sub");
            if (sub != null) {
                Matcher m = SUB_VARIABLE.matcher(String.valueOf(Template.list(sub).get(0)));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
            map.values().forEach(v -> collect(v, ids));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, ids));
        }
    }

    static Map<String, Object> environment(Template template, String functionId) {
        return new LinkedHashMap<>(Template.map(Template.map(template.effectiveFunction(functionId).get("Environment")).get("Variables")));
    }
}
