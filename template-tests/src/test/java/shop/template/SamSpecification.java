package shop.template;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The documented property names of the SAM resource and event-source types this template uses, as a table.
 * No current machine-readable SAM specification is available offline: the SAM part of
 * {@code @aws-cdk/aws-service-spec} is years old (it lacks SnapStart, LoggingConfig, RuntimeManagementConfig and
 * spells HttpApi's AccessLogSettings without the s). The names below are those of the AWS SAM Developer Guide,
 * "AWS SAM resources and properties": AWS::Serverless::Function (and its EventInvokeConfig, DeadLetterQueue),
 * the event sources EventBridgeRule, Schedule, SQS and HttpApi, AWS::Serverless::HttpApi (with HttpApiAuth,
 * OAuth2Authorizer), AWS::Serverless::LayerVersion and the Globals section. Where SAM documents a property as "passed directly to" a
 * CloudFormation property, the value is checked against the CloudFormation specification instead.
 */
final class SamSpecification {

    /** What a value must look like. */
    private sealed interface Shape permits Any, Scalar, Obj, MapOf, Cfn, Events { }

    private record Any() implements Shape { }

    private record Scalar() implements Shape { }

    private record Obj(Map<String, Shape> properties, Set<String> required) implements Shape { }

    private record MapOf(Shape element) implements Shape { }

    /** Passed directly to this CloudFormation property. */
    private record Cfn(String type, String property) implements Shape { }

    private record Events() implements Shape { }

    private static final Shape ANY = new Any();
    private static final Shape SCALAR = new Scalar();

    private static Obj obj(Object... nameShape) {
        Map<String, Shape> properties = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameShape.length; i += 2) {
            properties.put((String) nameShape[i], (Shape) nameShape[i + 1]);
        }
        return new Obj(properties, Set.of());
    }

    private static Obj required(Obj obj, String... names) {
        return new Obj(obj.properties(), Set.of(names));
    }

    private static Shape lambda(String property) {
        return new Cfn("AWS::Lambda::Function", property);
    }

    private static Shape esm(String property) {
        return new Cfn("AWS::Lambda::EventSourceMapping", property);
    }

    private static final Obj DESTINATION = obj("Destination", SCALAR, "Type", SCALAR);
    private static final Obj RETRY_POLICY = obj("MaximumEventAgeInSeconds", SCALAR, "MaximumRetryAttempts", SCALAR);
    private static final Obj DEAD_LETTER_CONFIG = obj("Arn", SCALAR, "QueueLogicalId", SCALAR, "Type", SCALAR);

    static final Obj FUNCTION = obj(
            "Architectures", lambda("Architectures"), "AssumeRolePolicyDocument", ANY, "AutoPublishAlias", SCALAR,
            "AutoPublishAliasAllProperties", SCALAR, "AutoPublishCodeSha256", SCALAR, "CodeSigningConfigArn", SCALAR,
            "CodeUri", ANY, "DeadLetterQueue", obj("TargetArn", SCALAR, "Type", SCALAR), "DeploymentPreference", ANY,
            "Description", SCALAR, "Environment", lambda("Environment"), "EphemeralStorage", lambda("EphemeralStorage"),
            "EventInvokeConfig", obj("DestinationConfig", obj("OnFailure", DESTINATION, "OnSuccess", DESTINATION),
                    "MaximumEventAgeInSeconds", SCALAR, "MaximumRetryAttempts", SCALAR),
            "Events", new Events(), "FileSystemConfigs", lambda("FileSystemConfigs"), "FunctionName", SCALAR,
            "FunctionUrlConfig", ANY, "Handler", SCALAR, "ImageConfig", lambda("ImageConfig"), "ImageUri", SCALAR,
            "InlineCode", SCALAR, "KmsKeyArn", SCALAR, "Layers", ANY, "LoggingConfig", lambda("LoggingConfig"),
            "MemorySize", SCALAR, "PackageType", SCALAR, "PermissionsBoundary", SCALAR, "Policies", ANY,
            "PropagateTags", SCALAR, "ProvisionedConcurrencyConfig", ANY, "RecursiveLoop", SCALAR,
            "ReservedConcurrentExecutions", SCALAR, "Role", SCALAR, "RolePath", SCALAR, "Runtime", SCALAR,
            "RuntimeManagementConfig", lambda("RuntimeManagementConfig"), "SnapStart", lambda("SnapStart"),
            "SourceKMSKeyArn", SCALAR, "Tags", new MapOf(SCALAR), "Timeout", SCALAR, "Tracing", SCALAR,
            "VersionDescription", SCALAR, "VpcConfig", lambda("VpcConfig"));

    /** Function properties that the Globals section accepts (SAM guide, "Globals section of the AWS SAM template"). */
    static final Set<String> GLOBAL_FUNCTION_PROPERTIES = Set.of("Handler", "Runtime", "CodeUri", "DeadLetterQueue",
            "Description", "MemorySize", "Timeout", "VpcConfig", "Environment", "Tags", "PropagateTags", "Tracing",
            "KmsKeyArn", "Layers", "AutoPublishAlias", "AutoPublishAliasAllProperties", "DeploymentPreference",
            "PermissionsBoundary", "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig",
            "AssumeRolePolicyDocument", "EventInvokeConfig", "Architectures", "EphemeralStorage", "SnapStart",
            "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop", "SourceKMSKeyArn", "FunctionUrlConfig",
            "FileSystemConfigs", "CodeSigningConfigArn");

    /** Event source type to its Properties, and the resource SAM generates for it (for GetAtt checks). */
    private static final Map<String, Obj> EVENT_SOURCES = Map.of(
            "EventBridgeRule", required(obj("DeadLetterConfig", DEAD_LETTER_CONFIG, "EventBusName", SCALAR,
                    "Input", SCALAR, "InputPath", SCALAR, "InputTransformer", ANY, "Pattern", ANY,
                    "RetryPolicy", RETRY_POLICY, "RuleName", SCALAR, "State", SCALAR, "Target", obj("Id", SCALAR)),
                    "Pattern"),
            "Schedule", required(obj("DeadLetterConfig", DEAD_LETTER_CONFIG, "Description", SCALAR, "Enabled", SCALAR,
                    "Input", SCALAR, "Name", SCALAR, "RetryPolicy", RETRY_POLICY, "Schedule", SCALAR, "State", SCALAR),
                    "Schedule"),
            "SQS", required(obj("BatchSize", SCALAR, "Enabled", SCALAR, "FilterCriteria", esm("FilterCriteria"),
                    "FunctionResponseTypes", esm("FunctionResponseTypes"), "KmsKeyArn", SCALAR,
                    "MaximumBatchingWindowInSeconds", SCALAR, "MetricsConfig", esm("MetricsConfig"),
                    "ProvisionedPollerConfig", esm("ProvisionedPollerConfig"), "Queue", SCALAR,
                    "ScalingConfig", esm("ScalingConfig")), "Queue"),
            "HttpApi", obj("ApiId", SCALAR, "Auth", obj("AuthorizationScopes", ANY, "Authorizer", SCALAR),
                    "Method", SCALAR, "Path", SCALAR, "PayloadFormatVersion", SCALAR, "RouteSettings",
                    new Cfn("AWS::ApiGatewayV2::Stage", "DefaultRouteSettings"), "TimeoutInMillis", SCALAR));
    private static final Map<String, String> GENERATED = Map.of(
            "EventBridgeRule", "AWS::Events::Rule", "Schedule", "AWS::Events::Rule", "HttpApi", "AWS::Lambda::Permission",
            "SQS", "AWS::Lambda::EventSourceMapping");

    private static final Obj AUTHORIZER = obj("AuthorizationScopes", ANY, "IdentitySource", SCALAR,
            "JwtConfiguration", obj("issuer", SCALAR, "audience", ANY),
            "FunctionArn", SCALAR, "FunctionInvokeRole", SCALAR, "EnableFunctionDefaultPermissions", SCALAR,
            "EnableSimpleResponses", SCALAR, "Identity", ANY, "AuthorizerPayloadFormatVersion", SCALAR);

    static final Obj HTTP_API = obj(
            "AccessLogSettings", new Cfn("AWS::ApiGatewayV2::Stage", "AccessLogSettings"),
            "Auth", obj("Authorizers", new MapOf(AUTHORIZER), "DefaultAuthorizer", SCALAR, "EnableIamAuthorizer", SCALAR),
            "CorsConfiguration", ANY, "DefaultRouteSettings", new Cfn("AWS::ApiGatewayV2::Stage", "DefaultRouteSettings"),
            "DefinitionBody", ANY, "DefinitionUri", ANY, "Description", SCALAR, "DisableExecuteApiEndpoint", SCALAR,
            "Domain", ANY, "FailOnWarnings", SCALAR, "Name", SCALAR, "PropagateTags", SCALAR, "RouteSettings", ANY,
            "StageName", SCALAR, "StageVariables", ANY, "Tags", new MapOf(SCALAR));

    private static Shape layer(String property) {
        return new Cfn("AWS::Lambda::LayerVersion", property);
    }

    static final Obj LAYER_VERSION = required(obj(
            "CompatibleArchitectures", layer("CompatibleArchitectures"), "CompatibleRuntimes", layer("CompatibleRuntimes"),
            "ContentUri", ANY, "Description", SCALAR, "LayerName", SCALAR, "LicenseInfo", SCALAR, "RetentionPolicy", SCALAR),
            "ContentUri");

    private static final Map<String, Obj> RESOURCES = Map.of(
            "AWS::Serverless::Function", FUNCTION, "AWS::Serverless::HttpApi", HTTP_API,
            "AWS::Serverless::LayerVersion", LAYER_VERSION);

    private SamSpecification() {
    }

    static void checkResource(String type, Map<String, Object> properties, String path, Specification cfn, List<String> violations) {
        Obj shape = RESOURCES.get(type);
        if (shape == null) {
            violations.add(path + ": " + type + " is not in the SAM table of SamSpecification; add its documented properties");
            return;
        }
        check(shape, properties, path, cfn, violations);
    }

    static void checkGlobals(Map<String, Object> globals, Specification cfn, List<String> violations) {
        Specification.unknownKeys(globals, Set.of("Function", "Api", "HttpApi", "SimpleTable", "StateMachine",
                "LayerVersion"), "Globals", violations);
        Map<String, Object> function = Template.map(globals.get("Function"));
        Specification.unknownKeys(function, GLOBAL_FUNCTION_PROPERTIES, "Globals/Function", violations);
        check(FUNCTION, function, "Globals/Function", cfn, violations);
    }

    /** The CloudFormation type SAM generates for a function's event, named {@code <Function><EventId>}. */
    static String generatedType(Map<String, Object> event) {
        return GENERATED.getOrDefault(String.valueOf(event.get("Type")), "unknown");
    }

    private static void check(Shape shape, Object value, String path, Specification cfn, List<String> violations) {
        if (value instanceof Map<?, ?> map && Template.isIntrinsic(map)) {
            return;
        }
        if (shape instanceof Scalar) {
            if (!Specification.isScalar(value)) {
                violations.add(path + ": expected a single value, found " + value);
            }
        } else if (shape instanceof Cfn passThrough) {
            cfn.checkProperty(passThrough.type(), passThrough.property(), value, path, violations);
        } else if (shape instanceof MapOf mapOf) {
            Template.map(value).forEach((k, v) -> check(mapOf.element(), v, path + "/" + k, cfn, violations));
        } else if (shape instanceof Obj obj) {
            if (!(value instanceof Map)) {
                violations.add(path + ": expected an object, found " + value);
                return;
            }
            Map<String, Object> map = Template.map(value);
            map.forEach((key, v) -> {
                Shape property = obj.properties().get(key);
                if (property == null) {
                    violations.add(path + ": unknown property " + key + " (known: " + new TreeSet<>(obj.properties().keySet()) + ")");
                } else {
                    check(property, v, path + "/" + key, cfn, violations);
                }
            });
            obj.required().stream().filter(r -> !map.containsKey(r))
                    .forEach(r -> violations.add(path + ": missing required property " + r));
        } else if (shape instanceof Events) {
            Template.map(value).forEach((name, event) -> {
                Map<String, Object> e = Template.map(event);
                String eventPath = path + "/" + name;
                Specification.unknownKeys(e, Set.of("Type", "Properties"), eventPath, violations);
                Obj source = EVENT_SOURCES.get(String.valueOf(e.get("Type")));
                if (source == null) {
                    violations.add(eventPath + ": event type " + e.get("Type") + " is not in the SAM table "
                            + EVENT_SOURCES.keySet() + "; add its documented properties");
                } else {
                    check(source, e.getOrDefault("Properties", Map.of()), eventPath + "/Properties", cfn, violations);
                }
            });
        }
    }
}
