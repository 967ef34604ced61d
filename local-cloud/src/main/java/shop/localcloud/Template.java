package shop.localcloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.localcloud.Model.AsyncConfig;
import shop.localcloud.Model.CustomResourceSpec;
import shop.localcloud.Model.FunctionSpec;
import shop.localcloud.Model.HttpRoute;
import shop.localcloud.Model.QueueSpec;
import shop.localcloud.Model.RuleSpec;
import shop.localcloud.Model.ScheduleSpec;
import shop.localcloud.Model.SystemSpec;
import shop.localparts.CloudFormationYaml;

/**
 * Reads template.yaml into the {@link SystemSpec} local-cloud runs: the one description of the system, so nothing
 * is configured twice. Resource types local-cloud does not run (IAM, alarms, log groups...) are listed and skipped.
 */
final class Template {

    static final String STACK_NAME = "shop-local";
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Map<String, Object> template;
    private final Map<String, Map<String, Object>> resources;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final String sqsEndpoint;
    private final Intrinsics intrinsics;
    private final Map<String, Boolean> conditions = new HashMap<>();

    private Template(Path file, Map<String, String> overrides, String sqsEndpoint) {
        this.root = file.toAbsolutePath().getParent();
        this.sqsEndpoint = sqsEndpoint;
        try {
            this.template = CloudFormationYaml.read(file);
        } catch (RuntimeException e) {
            throw new UserError("cannot read the template " + file + ": " + e.getMessage()
                    + " (fix the YAML, or pass --template <file>)", e);
        }
        this.resources = CloudFormationYaml.resources(template);
        section("Parameters").forEach((name, declaration) -> {
            Object defaultValue = declaration instanceof Map<?, ?> d ? d.get("Default") : null;
            if (overrides.containsKey(name)) {
                parameters.put(name, overrides.get(name));
            } else if (defaultValue != null) {
                parameters.put(name, String.valueOf(defaultValue));
            } else {
                throw new UserError("template.yaml parameter " + name + " has no default; pass --parameter " + name + "=<value>");
            }
        });
        this.intrinsics = new Intrinsics(this::ref, this::getAtt, this::condition);
    }

    static SystemSpec load(Path file, Map<String, String> parameterOverrides, String sqsEndpoint) {
        if (!Files.isReadable(file)) {
            throw new UserError("cannot read the template " + file + "; run from the repository or pass --template <file>");
        }
        return new Template(file, parameterOverrides, sqsEndpoint).spec();
    }

    private SystemSpec spec() {
        Map<String, String> tables = new LinkedHashMap<>();
        List<String> buses = new ArrayList<>();
        List<QueueSpec> queues = new ArrayList<>();
        List<FunctionSpec> functions = new ArrayList<>();
        List<HttpRoute> routes = new ArrayList<>();
        List<RuleSpec> rules = new ArrayList<>();
        List<ScheduleSpec> schedules = new ArrayList<>();
        List<CustomResourceSpec> custom = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        resources.forEach((id, resource) -> {
            if (resource.get("Condition") != null && !condition(String.valueOf(resource.get("Condition")))) {
                return;
            }
            String type = String.valueOf(resource.get("Type"));
            switch (type) {
                case "AWS::DynamoDB::Table" -> tables.put(id, tableName(id));
                case "AWS::Events::EventBus" -> buses.add(busName(id));
                case "AWS::SQS::Queue" -> queues.add(new QueueSpec(id, queueName(id)));
                case "AWS::Serverless::Function" -> {
                    FunctionSpec function = function(id, merged(resource));
                    functions.add(function);
                    events(id, merged(resource), routes, rules, schedules);
                }
                default -> {
                    if (type.startsWith("Custom::") || type.equals("AWS::CloudFormation::CustomResource")) {
                        custom.add(customResource(id, type, CloudFormationYaml.properties(resource)));
                    } else {
                        ignored.add(id + " (" + type + ")");
                    }
                }
            }
        });
        return new SystemSpec(root, Map.copyOf(parameters), tables, buses, queues, functions, routes, rules, schedules,
                custom, ignored);
    }

    // ------------------------------------------------------------------ functions

    @SuppressWarnings("unchecked")
    private Map<String, Object> merged(Map<String, Object> resource) {
        Map<String, Object> globals = (Map<String, Object>) section("Globals").getOrDefault("Function", Map.of());
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        Map<String, Object> own = CloudFormationYaml.properties(resource);
        own.forEach((key, value) -> {
            if (key.equals("Environment") && merged.get(key) instanceof Map<?, ?> global && value instanceof Map<?, ?> mine) {
                Map<String, Object> variables = new LinkedHashMap<>();
                if (global.get("Variables") instanceof Map<?, ?> g) {
                    variables.putAll((Map<String, Object>) g);
                }
                if (mine.get("Variables") instanceof Map<?, ?> m) {
                    variables.putAll((Map<String, Object>) m);
                }
                merged.put(key, Map.of("Variables", variables));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    private FunctionSpec function(String id, Map<String, Object> properties) {
        String where = id;
        String codeUri = intrinsics.resolveString(required(properties, "CodeUri", id), where + ".CodeUri");
        String handler = intrinsics.resolveString(required(properties, "Handler", id), where + ".Handler");
        Map<String, String> environment = new LinkedHashMap<>();
        Object variables = properties.get("Environment") instanceof Map<?, ?> env ? env.get("Variables") : null;
        if (variables != null) {
            ((Map<String, Object>) intrinsics.resolve(variables, where + ".Environment")).forEach((k, v) -> {
                if (v != null) {
                    environment.put(k, String.valueOf(v));
                }
            });
        }
        int memory = integer(properties.getOrDefault("MemorySize", 128), where + ".MemorySize");
        int timeout = integer(properties.getOrDefault("Timeout", 3), where + ".Timeout");
        AsyncConfig async = new AsyncConfig(2, 21600, null);
        if (properties.get("EventInvokeConfig") instanceof Map<?, ?> config) {
            Map<String, Object> resolved = (Map<String, Object>) intrinsics.resolve(config, where + ".EventInvokeConfig");
            String destination = null;
            if (resolved.get("DestinationConfig") instanceof Map<?, ?> d && d.get("OnFailure") instanceof Map<?, ?> onFailure) {
                destination = queueIdOf(String.valueOf(onFailure.get("Destination")), where + ".EventInvokeConfig");
            }
            async = new AsyncConfig(integer(resolved.getOrDefault("MaximumRetryAttempts", 2), where),
                    integer(resolved.getOrDefault("MaximumEventAgeInSeconds", 21600), where), destination);
        }
        return new FunctionSpec(id, artifact(codeUri), handler, environment, memory, timeout, async);
    }

    /** CodeUri is the shaded jar (relative to the template); a module folder means its target/<module>.jar. */
    private Path artifact(String codeUri) {
        Path path = root.resolve(codeUri).normalize();
        if (Files.isDirectory(path)) {
            return path.resolve("target").resolve(path.getFileName() + ".jar");
        }
        return path;
    }

    @SuppressWarnings("unchecked")
    private void events(String functionId, Map<String, Object> properties, List<HttpRoute> routes, List<RuleSpec> rules,
                        List<ScheduleSpec> schedules) {
        Map<String, Object> events = (Map<String, Object>) properties.getOrDefault("Events", Map.of());
        events.forEach((name, value) -> {
            Map<String, Object> event = (Map<String, Object>) value;
            String where = functionId + ".Events." + name;
            Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(event.getOrDefault("Properties", Map.of()), where);
            switch (String.valueOf(event.get("Type"))) {
                case "HttpApi" -> routes.add(new HttpRoute(
                        String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(), String.valueOf(p.getOrDefault("Path", "/")),
                        functionId));
                case "EventBridgeRule", "CloudWatchEvent" -> rules.add(rule(functionId, name, p, where));
                case "Schedule", "ScheduleV2" -> schedules.add(schedule(functionId, name, p, where));
                default -> { } // SQS, S3, ... events: nothing in this system uses them yet
            }
        });
    }

    @SuppressWarnings("unchecked")
    private RuleSpec rule(String functionId, String eventName, Map<String, Object> p, String where) {
        Map<String, Object> retry = (Map<String, Object>) p.getOrDefault("RetryPolicy", Map.of());
        String dlq = null;
        if (p.get("DeadLetterConfig") instanceof Map<?, ?> dead) {
            Object arn = dead.get("Arn");
            dlq = arn == null ? null : queueIdOf(String.valueOf(arn), where + ".DeadLetterConfig");
        }
        String pattern;
        try {
            pattern = JSON.writeValueAsString(p.getOrDefault("Pattern", Map.of()));
        } catch (JsonProcessingException e) {
            throw new UserError("template.yaml: " + where + ".Pattern is not valid JSON: " + e.getOriginalMessage());
        }
        String name = p.get("RuleName") != null ? String.valueOf(p.get("RuleName")) : functionId + eventName;
        return new RuleSpec(name, functionId, String.valueOf(p.getOrDefault("EventBusName", "default")), pattern,
                integer(retry.getOrDefault("MaximumRetryAttempts", 185), where), integer(retry.getOrDefault("MaximumEventAgeInSeconds", 86400), where),
                dlq);
    }

    private ScheduleSpec schedule(String functionId, String eventName, Map<String, Object> p, String where) {
        String expression = String.valueOf(p.getOrDefault("Schedule", p.get("ScheduleExpression")));
        Matcher rate = RATE.matcher(expression.trim());
        Duration every = null;
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            every = switch (rate.group(2).charAt(0)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        boolean enabled = !"false".equalsIgnoreCase(String.valueOf(p.getOrDefault("Enabled", "true")))
                && !"DISABLED".equalsIgnoreCase(String.valueOf(p.getOrDefault("State", "ENABLED")));
        return new ScheduleSpec(functionId + eventName, functionId, expression, every, enabled);
    }

    @SuppressWarnings("unchecked")
    private CustomResourceSpec customResource(String id, String type, Map<String, Object> properties) {
        Map<String, Object> resolved = (Map<String, Object>) intrinsics.resolve(properties, id);
        String token = String.valueOf(resolved.get("ServiceToken"));
        String functionId = token.substring(token.lastIndexOf(':') + 1);
        return new CustomResourceSpec(id, type, functionId, resolved);
    }

    // ------------------------------------------------------------------ intrinsics

    private String ref(String name) {
        switch (name) {
            case "AWS::Region": return Model.REGION;
            case "AWS::AccountId": return Model.ACCOUNT;
            case "AWS::StackName": return STACK_NAME;
            case "AWS::StackId": return "arn:aws:cloudformation:" + Model.REGION + ":" + Model.ACCOUNT + ":stack/" + STACK_NAME + "/local";
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            case "AWS::NoValue": return "";
            default: break;
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        Map<String, Object> resource = resources.get(name);
        if (resource == null) {
            return null;
        }
        return switch (String.valueOf(resource.get("Type"))) {
            case "AWS::SQS::Queue" -> sqsEndpoint + "/" + Model.ACCOUNT + "/" + queueName(name);
            case "AWS::Events::EventBus" -> busName(name);
            case "AWS::DynamoDB::Table" -> tableName(name);
            default -> name;
        };
    }

    private String getAtt(String id, String attribute) {
        Map<String, Object> resource = resources.get(id);
        if (resource == null) {
            return null;
        }
        String prefix = "arn:aws:%s:" + Model.REGION + ":" + Model.ACCOUNT + ":";
        String type = String.valueOf(resource.get("Type"));
        return switch (type + "." + attribute) {
            case "AWS::SQS::Queue.Arn" -> prefix.formatted("sqs") + queueName(id);
            case "AWS::SQS::Queue.QueueName" -> queueName(id);
            case "AWS::SQS::Queue.QueueUrl" -> ref(id);
            case "AWS::Events::EventBus.Arn" -> prefix.formatted("events") + "event-bus/" + busName(id);
            case "AWS::Events::EventBus.Name" -> busName(id);
            case "AWS::DynamoDB::Table.Arn" -> prefix.formatted("dynamodb") + "table/" + tableName(id);
            case "AWS::Serverless::Function.Arn" -> prefix.formatted("lambda") + "function:" + id;
            default -> attribute.endsWith("Arn") ? prefix.formatted("local") + id : id + "." + attribute;
        };
    }

    @SuppressWarnings("unchecked")
    private boolean condition(String name) {
        return conditions.computeIfAbsent(name, n -> {
            Object definition = section("Conditions").get(n);
            if (definition == null) {
                throw new UserError("template.yaml refers to condition " + n + ", which Conditions does not define");
            }
            return Boolean.parseBoolean(String.valueOf(intrinsics.resolve(definition, "Conditions." + n)));
        });
    }

    private String queueIdOf(String arnOrUrl, String where) {
        for (Map.Entry<String, Map<String, Object>> entry : resources.entrySet()) {
            if ("AWS::SQS::Queue".equals(entry.getValue().get("Type"))) {
                String name = queueName(entry.getKey());
                if (arnOrUrl.endsWith(":" + name) || arnOrUrl.endsWith("/" + name)) {
                    return entry.getKey();
                }
            }
        }
        throw new UserError("template.yaml: " + where + " points at " + arnOrUrl + ", which is not an AWS::SQS::Queue of the template");
    }

    private String queueName(String id) {
        Object name = CloudFormationYaml.properties(resources.get(id)).get("QueueName");
        return name == null ? id : intrinsics.resolveString(name, id + ".QueueName");
    }

    private String busName(String id) {
        Object name = CloudFormationYaml.properties(resources.get(id)).get("Name");
        return name == null ? id : intrinsics.resolveString(name, id + ".Name");
    }

    /** Tables are created under their logical id (or TableName when the template sets one). */
    private String tableName(String id) {
        Object name = CloudFormationYaml.properties(resources.get(id)).get("TableName");
        return name == null ? id : intrinsics.resolveString(name, id + ".TableName");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(String name) {
        Object section = template.get(name);
        return section instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Object required(Map<String, Object> properties, String key, String id) {
        Object value = properties.get(key);
        if (value == null) {
            throw new UserError("template.yaml: function " + id + " has no " + key);
        }
        return value;
    }

    private int integer(Object value, String where) {
        try {
            return Integer.parseInt(intrinsics.resolveString(value, where));
        } catch (NumberFormatException e) {
            throw new UserError("template.yaml: " + where + " must be a whole number, not " + value);
        }
    }
}
