package shop.localcloud.cloudformation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.localcloud.cloudformation.Model.ArchiveSpec;
import shop.localcloud.cloudformation.Model.CustomResourceSpec;
import shop.localcloud.cloudformation.Model.FunctionSpec;
import shop.localcloud.cloudformation.Model.HttpRoute;
import shop.localcloud.cloudformation.Model.JwtAuthorizerSpec;
import shop.localcloud.cloudformation.Model.QueueSourceSpec;
import shop.localcloud.cloudformation.Model.QueueSpec;
import shop.localcloud.cloudformation.Model.RouteThrottle;
import shop.localcloud.cloudformation.Model.RuleSpec;
import shop.localcloud.cloudformation.Model.ScheduleSpec;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.common.UserError;
import shop.localparts.CloudFormationYaml;

/**
 * Reads template.yaml into the {@link SystemSpec} local-cloud runs: the one description of the system, so nothing
 * is configured twice. Resource types local-cloud does not run (IAM, alarms, log groups...) are listed and skipped.
 */
public final class Template {

    /** The stack name local-cloud deploys as ({@code AWS::StackName}, and custom resources' StackId). */
    public static final String STACK_NAME = "shop-local";

    private final Path root;
    private final Map<String, Object> template;
    private final Map<String, Map<String, Object>> resources;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final String sqsEndpoint;
    private final Intrinsics intrinsics;
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final FunctionReader functionReader;
    private final QueueReader queueReader;

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
        this.intrinsics = new Intrinsics(this::ref, this::getAtt, this::condition, section("Mappings"));
        @SuppressWarnings("unchecked")
        Map<String, Object> globals = (Map<String, Object>) section("Globals").getOrDefault("Function", Map.of());
        this.queueReader = new QueueReader(intrinsics, this::queueIdOf, this::functionIdOf);
        this.functionReader = new FunctionReader(root, globals, intrinsics, this::queueIdOf, this::layerContent, this::authorizer,
                this::routeThrottle, queueReader);
    }

    /** API Gateway's account-level throttle per Region (requests a second, and burst), for a limit a stage leaves out. */
    static final double ACCOUNT_API_RATE = 10_000;
    static final int ACCOUNT_API_BURST = 5_000;

    public static SystemSpec load(Path file, Map<String, String> parameterOverrides, String sqsEndpoint) {
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
        List<ArchiveSpec> archives = new ArrayList<>();
        List<QueueSourceSpec> queueSources = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        resources.forEach((id, resource) -> {
            if (resource.get("Condition") != null && !condition(String.valueOf(resource.get("Condition")))) {
                return;
            }
            String type = String.valueOf(resource.get("Type"));
            switch (type) {
                case "AWS::DynamoDB::Table" -> tables.put(id, tableName(id));
                case "AWS::Events::EventBus" -> buses.add(busName(id));
                case "AWS::SQS::Queue" -> queues.add(queueReader.queue(id, queueName(id), CloudFormationYaml.properties(resource)));
                case "AWS::Events::Rule" -> {
                    RuleSpec rule = queueReader.rule(id, CloudFormationYaml.properties(resource));
                    if (rule == null) {
                        ignored.add(id + " (" + type + ", not ENABLED)");
                    } else {
                        rules.add(rule);
                    }
                }
                case "AWS::Lambda::EventSourceMapping" -> queueSources.add(queueReader.mapping(id, CloudFormationYaml.properties(resource)));
                case "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion" -> { } // read by the functions that use them
                case "AWS::Events::Archive" -> archives.add(archive(id, CloudFormationYaml.properties(resource)));
                case "AWS::Serverless::HttpApi" -> { } // its routes and JWT authorizer are read with the functions' HttpApi events
                case "AWS::Serverless::Function" -> {
                    Map<String, Object> properties = functionReader.merged(CloudFormationYaml.properties(resource));
                    functions.add(functionReader.function(id, properties));
                    functionReader.events(id, properties, routes, rules, schedules, queueSources);
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
                custom, archives, ignored, queueSources);
    }

    @SuppressWarnings("unchecked")
    private ArchiveSpec archive(String id, Map<String, Object> properties) {
        Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(properties, id);
        String source = String.valueOf(p.get("SourceArn"));
        String pattern = null;
        if (p.get("EventPattern") != null) {
            try {
                pattern = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(p.get("EventPattern"));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UserError("template.yaml: " + id + ".EventPattern is not JSON: " + e.getOriginalMessage());
            }
        }
        return new ArchiveSpec(id, p.get("ArchiveName") == null ? id : String.valueOf(p.get("ArchiveName")),
                source.substring(source.lastIndexOf('/') + 1), p.get("Description") == null ? null : String.valueOf(p.get("Description")),
                p.get("RetentionDays") == null ? null : Integer.valueOf(String.valueOf(p.get("RetentionDays"))), pattern);
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
            case "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion" -> layerArn(name);
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

    /**
     * The JWT authorizer API Gateway runs for a route: the route's own {@code Auth.Authorizer}, else the API's
     * {@code Auth.DefaultAuthorizer} (the implicit API's from {@code Globals.HttpApi}); null when none or {@code NONE}.
     */
    @SuppressWarnings("unchecked")
    private JwtAuthorizerSpec authorizer(String apiId, String routeAuthorizer) {
        Map<String, Object> api;
        if (apiId == null) {
            Object global = section("Globals").get("HttpApi");
            api = global instanceof Map<?, ?> g ? (Map<String, Object>) g : Map.of();
        } else if (resources.get(apiId) != null && "AWS::Serverless::HttpApi".equals(resources.get(apiId).get("Type"))) {
            api = CloudFormationYaml.properties(resources.get(apiId));
        } else {
            throw new UserError("template.yaml: a route's ApiId " + apiId + " is not an AWS::Serverless::HttpApi of the template");
        }
        Map<String, Object> auth = api.get("Auth") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
        String name = routeAuthorizer != null ? routeAuthorizer : auth.get("DefaultAuthorizer") == null ? null
                : String.valueOf(auth.get("DefaultAuthorizer"));
        if (name == null || name.equals("NONE")) {
            return null;
        }
        String where = (apiId == null ? "Globals.HttpApi" : apiId) + ".Auth.Authorizers." + name;
        Object definition = auth.get("Authorizers") instanceof Map<?, ?> all ? all.get(name) : null;
        if (!(definition instanceof Map<?, ?> d) || !(d.get("JwtConfiguration") instanceof Map<?, ?> jwt)) {
            throw new UserError("template.yaml: " + where + " is not a JWT authorizer (JwtConfiguration); local-cloud runs JWT authorizers only");
        }
        Object audience = intrinsics.resolve(jwt.get("audience") == null ? List.of() : jwt.get("audience"), where + ".audience");
        List<String> audiences = audience instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(audience));
        return new JwtAuthorizerSpec(name, intrinsics.resolveString(jwt.get("issuer"), where + ".issuer"), audiences);
    }

    /**
     * The throttle of every route of an HTTP API's stage ({@code DefaultRouteSettings}, the implicit API's from
     * {@code Globals.HttpApi}); null when it sets neither limit. A limit left out is API Gateway's account default.
     */
    @SuppressWarnings("unchecked")
    private RouteThrottle routeThrottle(String apiId) {
        Map<String, Object> api;
        if (apiId == null) {
            Object global = section("Globals").get("HttpApi");
            api = global instanceof Map<?, ?> g ? (Map<String, Object>) g : Map.of();
        } else {
            api = resources.get(apiId) == null ? Map.of() : CloudFormationYaml.properties(resources.get(apiId));
        }
        String where = (apiId == null ? "Globals.HttpApi" : apiId) + ".DefaultRouteSettings";
        Object settings = api.get("DefaultRouteSettings") == null ? null : intrinsics.resolve(api.get("DefaultRouteSettings"), where);
        if (!(settings instanceof Map<?, ?> route) || route.get("ThrottlingRateLimit") == null && route.get("ThrottlingBurstLimit") == null) {
            return null;
        }
        try {
            double rate = route.get("ThrottlingRateLimit") == null ? ACCOUNT_API_RATE : Double.parseDouble(String.valueOf(route.get("ThrottlingRateLimit")));
            int burst = route.get("ThrottlingBurstLimit") == null ? ACCOUNT_API_BURST : Integer.parseInt(String.valueOf(route.get("ThrottlingBurstLimit")));
            if (!(rate > 0) || burst < 1) {
                throw new UserError("template.yaml: " + where + " throttles to " + rate + "/s with a burst of " + burst
                        + "; local-cloud runs limits above 0");
            }
            return new RouteThrottle(rate, burst);
        } catch (NumberFormatException e) {
            throw new UserError("template.yaml: " + where + "'s ThrottlingRateLimit and ThrottlingBurstLimit must be numbers: " + route);
        }
    }

    String queueIdOf(String arnOrUrl, String where) {
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

    /** The logical id of the template's function an ARN (qualified or not) or a name names; null when it names none. */
    String functionIdOf(String arnOrName) {
        String id = arnOrName.contains(":function:") ? arnOrName.substring(arnOrName.indexOf(":function:") + ":function:".length()) : arnOrName;
        if (id.contains(":")) {
            id = id.substring(0, id.indexOf(':'));
        }
        Map<String, Object> resource = resources.get(id);
        return resource != null && "AWS::Serverless::Function".equals(resource.get("Type")) ? id : null;
    }

    private static String layerArn(String id) {
        return "arn:aws:lambda:" + Model.REGION + ":" + Model.ACCOUNT + ":layer:" + id + ":1";
    }

    /** The content (ContentUri: a zip or a folder) of the template's layer version that {@code arn} names. */
    Path layerContent(String arn, String where) {
        for (Map.Entry<String, Map<String, Object>> entry : resources.entrySet()) {
            String type = String.valueOf(entry.getValue().get("Type"));
            if (type.endsWith("::LayerVersion") && arn.equals(layerArn(entry.getKey()))) {
                Object content = CloudFormationYaml.properties(entry.getValue()).get(type.startsWith("AWS::Serverless") ? "ContentUri" : "Content");
                if (!(content instanceof String uri)) {
                    throw new UserError("template.yaml: layer " + entry.getKey() + " needs a local ContentUri (a zip or a folder) to run here");
                }
                return root.resolve(uri).normalize();
            }
        }
        throw new UserError("template.yaml: " + where + " names " + arn + ", which is not a layer version of the template;"
                + " layers from outside the template cannot be run here");
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

}
