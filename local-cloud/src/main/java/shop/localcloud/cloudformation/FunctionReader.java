package shop.localcloud.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shop.localcloud.cloudformation.Model.AsyncConfig;
import shop.localcloud.cloudformation.Model.Described;
import shop.localcloud.cloudformation.Model.FunctionSpec;
import shop.localcloud.cloudformation.Model.HttpRoute;
import shop.localcloud.cloudformation.Model.JwtAuthorizerSpec;
import shop.localcloud.cloudformation.Model.RouteThrottle;
import shop.localcloud.cloudformation.Model.QueueSourceSpec;
import shop.localcloud.cloudformation.Model.RuleSpec;
import shop.localcloud.cloudformation.Model.ScheduleSpec;
import shop.localcloud.common.UserError;

/** Reads one {@code AWS::Serverless::Function} (with {@code Globals.Function} merged in) and its events. */
public final class FunctionReader {

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Map<String, Object> globals;
    private final Intrinsics intrinsics;
    private final BinaryOperator<String> queueIdOf;
    private final BiFunction<String, String, Path> layerContent;
    private final BiFunction<String, String, JwtAuthorizerSpec> authorizers;
    private final Function<String, RouteThrottle> throttles;
    private final QueueReader queues;

    /**
     * @param queueIdOf    the logical id of the queue an ARN or URL names (arguments: the ARN or URL, where it is used)
     * @param layerContent the content of the template's layer version an ARN names (arguments: the ARN, where it is used)
     * @param authorizers  the JWT authorizer of a route (arguments: its ApiId or null, its own Auth.Authorizer or null)
     * @param throttles    the stage throttle of a route's API (argument: its ApiId or null), null for none
     */
    FunctionReader(Path root, Map<String, Object> globals, Intrinsics intrinsics, BinaryOperator<String> queueIdOf,
                   BiFunction<String, String, Path> layerContent, BiFunction<String, String, JwtAuthorizerSpec> authorizers,
                   Function<String, RouteThrottle> throttles, QueueReader queues) {
        this.authorizers = authorizers;
        this.throttles = throttles;
        this.queues = queues;
        this.root = root;
        this.globals = globals;
        this.intrinsics = intrinsics;
        this.queueIdOf = queueIdOf;
        this.layerContent = layerContent;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> merged(Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
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
    FunctionSpec function(String id, Map<String, Object> properties) {
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
                destination = queueIdOf.apply(String.valueOf(onFailure.get("Destination")), where + ".EventInvokeConfig");
            }
            async = new AsyncConfig(integer(resolved.getOrDefault("MaximumRetryAttempts", 2), where),
                    integer(resolved.getOrDefault("MaximumEventAgeInSeconds", 21600), where), destination);
        }
        List<Path> layers = new ArrayList<>();
        List<String> layerArns = new ArrayList<>();
        if (properties.get("Layers") != null) {
            Object resolved = intrinsics.resolve(properties.get("Layers"), where + ".Layers");
            if (!(resolved instanceof List<?> arns)) {
                throw new UserError("template.yaml: " + where + ".Layers must be a list of layer version ARNs");
            }
            arns.forEach(arn -> layers.add(layerContent.apply(String.valueOf(arn), where + ".Layers")));
            arns.forEach(arn -> layerArns.add(String.valueOf(arn)));
        }
        Object architectures = properties.get("Architectures") == null ? List.of("x86_64")
                : intrinsics.resolve(properties.get("Architectures"), where + ".Architectures");
        Described described = new Described(
                properties.get("Runtime") == null ? null : intrinsics.resolveString(properties.get("Runtime"), where + ".Runtime"),
                architectures instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(architectures)),
                layerArns,
                properties.get("Description") == null ? null : intrinsics.resolveString(properties.get("Description"), where + ".Description"));
        Integer reserved = properties.get("ReservedConcurrentExecutions") == null ? null
                : integer(properties.get("ReservedConcurrentExecutions"), where + ".ReservedConcurrentExecutions");
        if (reserved != null && reserved < 0) {
            throw new UserError("template.yaml: " + where + ".ReservedConcurrentExecutions is 0 or more, not " + reserved);
        }
        return new FunctionSpec(id, artifact(codeUri), layers, handler, environment, memory, timeout, async, described, reserved);
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
    void events(String functionId, Map<String, Object> properties, List<HttpRoute> routes, List<RuleSpec> rules,
                        List<ScheduleSpec> schedules, List<QueueSourceSpec> queueSources) {
        Map<String, Object> events = (Map<String, Object>) properties.getOrDefault("Events", Map.of());
        events.forEach((name, value) -> {
            Map<String, Object> event = (Map<String, Object>) value;
            String where = functionId + ".Events." + name;
            Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(event.getOrDefault("Properties", Map.of()), where);
            switch (String.valueOf(event.get("Type"))) {
                case "HttpApi" -> {
                    Object routeAuthorizer = p.get("Auth") instanceof Map<?, ?> auth ? auth.get("Authorizer") : null;
                    String apiId = p.get("ApiId") == null ? null : String.valueOf(p.get("ApiId"));
                    routes.add(new HttpRoute(String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT),
                            String.valueOf(p.getOrDefault("Path", "/")), functionId,
                            authorizers.apply(apiId, routeAuthorizer == null ? null : String.valueOf(routeAuthorizer)),
                            throttles.apply(apiId)));
                }
                case "EventBridgeRule", "CloudWatchEvent" -> rules.add(rule(functionId, name, p, where));
                case "Schedule", "ScheduleV2" -> schedules.add(schedule(functionId, name, p));
                case "SQS" -> queueSources.add(queues.sqsEvent(functionId, name, p, where));
                default -> { } // S3, DynamoDB streams, ... events: nothing in this system uses them yet
            }
        });
    }

    @SuppressWarnings("unchecked")
    private RuleSpec rule(String functionId, String eventName, Map<String, Object> p, String where) {
        Map<String, Object> retry = (Map<String, Object>) p.getOrDefault("RetryPolicy", Map.of());
        String dlq = null;
        if (p.get("DeadLetterConfig") instanceof Map<?, ?> dead) {
            Object arn = dead.get("Arn");
            dlq = arn == null ? null : queueIdOf.apply(String.valueOf(arn), where + ".DeadLetterConfig");
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

    private ScheduleSpec schedule(String functionId, String eventName, Map<String, Object> p) {
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
