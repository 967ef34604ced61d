package shop.localcloud.cloudformation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import shop.localcloud.common.UserError;

/** What template.yaml asks local-cloud to run, with every intrinsic function already resolved. */
public final class Model {

    private Model() {
    }

    public static final String REGION = "eu-west-1";
    public static final String ACCOUNT = "123456789012";

    /**
     * An {@code AWS::Serverless::Function}, Globals merged in. {@code layers}: the content (zip or folder) of each of its
     * {@code Layers}, in order; their {@code java/lib} jars follow the artifact on the classpath, as in Lambda.
     * {@code reservedConcurrency}: its {@code ReservedConcurrentExecutions}, the most environments Lambda runs for it at
     * once (null: none reserved, it shares the account's unreserved concurrency).
     */
    public record FunctionSpec(String logicalId, Path artifact, List<Path> layers, String handler, Map<String, String> environment,
                        int memoryMb, int timeoutSeconds, AsyncConfig async, Described described, Integer reservedConcurrency) {

        public FunctionSpec {
            layers = List.copyOf(layers);
            environment = Map.copyOf(environment);
        }

        /** A function nothing describes beyond what runs it (tests, measurement tools). */
        public FunctionSpec(String logicalId, Path artifact, List<Path> layers, String handler, Map<String, String> environment,
                            int memoryMb, int timeoutSeconds, AsyncConfig async) {
            this(logicalId, artifact, layers, handler, environment, memoryMb, timeoutSeconds, async, Described.NOTHING, null);
        }

        public FunctionSpec withArtifact(Path other, String otherHandler, Map<String, String> otherEnvironment) {
            return new FunctionSpec(logicalId, other, layers, otherHandler, otherEnvironment, memoryMb, timeoutSeconds, async, described,
                    reservedConcurrency);
        }

        public FunctionSpec withoutLayers() {
            return new FunctionSpec(logicalId, artifact, List.of(), handler, environment, memoryMb, timeoutSeconds, async, described,
                    reservedConcurrency);
        }

        public String arn() {
            return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + logicalId;
        }
    }

    /** What the template says of a function that Lambda's GetFunction reports but local-cloud does not need to run it. */
    public record Described(String runtime, List<String> architectures, List<String> layerArns, String description) {

        public static final Described NOTHING = new Described(null, List.of(), List.of(), null);

        public Described {
            architectures = List.copyOf(architectures);
            layerArns = List.copyOf(layerArns);
        }
    }

    /** A function's EventInvokeConfig (or Lambda's defaults: 2 retries, 6 hours, no destination). */
    public record AsyncConfig(int maximumRetryAttempts, int maximumEventAgeSeconds, String onFailureQueue) {
    }

    /**
     * The throttle of each route of an HTTP API's stage ({@code DefaultRouteSettings}: ThrottlingRateLimit requests a
     * second, ThrottlingBurstLimit at once), which API Gateway applies to every route on its own.
     */
    public record RouteThrottle(double rateLimit, int burstLimit) {
    }

    /**
     * An {@code HttpApi} event: one route of the HTTP API, and the JWT authorizer API Gateway runs before it (null: none,
     * as for a route of an API without one, or {@code Auth: {Authorizer: NONE}}), and its stage's throttle (null: none).
     */
    public record HttpRoute(String method, String path, String functionId, JwtAuthorizerSpec authorizer, RouteThrottle throttle) {

        public HttpRoute(String method, String path, String functionId, JwtAuthorizerSpec authorizer) {
            this(method, path, functionId, authorizer, null);
        }

        public HttpRoute(String method, String path, String functionId) {
            this(method, path, functionId, null, null);
        }

        public String routeKey() {
            return method + " " + path;
        }
    }

    /** A JWT authorizer of an {@code AWS::Serverless::HttpApi}: the issuer and audiences API Gateway checks tokens against. */
    public record JwtAuthorizerSpec(String name, String issuer, List<String> audience) {

        public JwtAuthorizerSpec {
            audience = List.copyOf(audience);
        }
    }

    /**
     * A rule on a bus with one target: a function of the template (an {@code EventBridgeRule} event of a function, or an
     * {@code AWS::Events::Rule} whose target is {@code !GetAtt F.Arn}) or a queue of it ({@code AWS::Events::Rule} with
     * {@code !GetAtt Q.Arn}). Exactly one of {@code functionId} and {@code queueId} is set; the retry policy and DLQ are
     * EventBridge's, for when the target cannot be handed the event.
     */
    public record RuleSpec(String name, String functionId, String queueId, String busName, String patternJson,
                           int maximumRetryAttempts, int maximumEventAgeSeconds, String deadLetterQueue) {

        public RuleSpec {
            if ((functionId == null) == (queueId == null)) {
                throw new IllegalArgumentException("rule " + name + " targets one function or one queue: " + functionId + ", " + queueId);
            }
        }

        /** A rule whose target is a function. */
        public RuleSpec(String name, String functionId, String busName, String patternJson, int maximumRetryAttempts,
                        int maximumEventAgeSeconds, String deadLetterQueue) {
            this(name, functionId, null, busName, patternJson, maximumRetryAttempts, maximumEventAgeSeconds, deadLetterQueue);
        }

        public boolean targetsQueue() {
            return queueId != null;
        }

        /** The logical id of the target, function or queue. */
        public String targetId() {
            return queueId != null ? queueId : functionId;
        }

        public String arn() {
            return "arn:aws:events:" + REGION + ":" + ACCOUNT + ":rule/" + busName + "/" + name;
        }
    }

    /**
     * A Lambda event source mapping from an SQS queue to a function (a SAM {@code SQS} event, or an
     * {@code AWS::Lambda::EventSourceMapping}). {@code maximumConcurrency}: its {@code ScalingConfig}, null when absent
     * (AWS then starts with five concurrent batches and scales on up to 1,000, within the function's concurrency).
     */
    public record QueueSourceSpec(String name, String functionId, String queueId, int batchSize, int maximumBatchingWindowSeconds,
                                  boolean reportBatchItemFailures, Integer maximumConcurrency, boolean enabled) {

        public QueueSourceSpec {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new UserError("template.yaml: " + name + ".BatchSize must be 1 to 10,000 for SQS, not " + batchSize);
            }
            if (batchSize > 10 && maximumBatchingWindowSeconds < 1) {
                throw new UserError("template.yaml: " + name + " needs MaximumBatchingWindowInSeconds of 1 or more when BatchSize is above 10");
            }
            if (maximumBatchingWindowSeconds < 0 || maximumBatchingWindowSeconds > 300) {
                throw new UserError("template.yaml: " + name + ".MaximumBatchingWindowInSeconds must be 0 to 300, not " + maximumBatchingWindowSeconds);
            }
            if (maximumConcurrency != null && (maximumConcurrency < 2 || maximumConcurrency > 1000)) {
                throw new UserError("template.yaml: " + name + ".ScalingConfig.MaximumConcurrency must be 2 to 1,000, not " + maximumConcurrency);
            }
        }
    }

    /** A {@code Schedule} event; only {@code rate(...)} expressions run locally. */
    public record ScheduleSpec(String name, String functionId, String expression, Duration rate, boolean enabled) {
    }

    /** A {@code Custom::*} resource: its ServiceToken function gets a CloudFormation Create event at start-up. */
    public record CustomResourceSpec(String logicalId, String type, String functionId, Map<String, Object> properties) {
    }

    /**
     * An {@code AWS::SQS::Queue} and the name it has locally, with SQS's defaults where the template sets nothing
     * (visibility timeout 30 s, retention 4 days); {@code deadLetterQueue} (a logical id) and {@code maxReceiveCount}
     * are its {@code RedrivePolicy}, null and 0 without one.
     */
    public record QueueSpec(String logicalId, String name, int visibilityTimeoutSeconds, int messageRetentionSeconds,
                            String deadLetterQueue, int maxReceiveCount) {

        public static final int DEFAULT_VISIBILITY_TIMEOUT = 30;
        public static final int DEFAULT_RETENTION = 345_600;

        /** A queue with SQS's defaults and no redrive policy. */
        public QueueSpec(String logicalId, String name) {
            this(logicalId, name, DEFAULT_VISIBILITY_TIMEOUT, DEFAULT_RETENTION, null, 0);
        }

        public String arn() {
            return "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
        }
    }

    /** An {@code AWS::Events::Archive}: which bus's events (matching its pattern, if any) it keeps, and how long. */
    public record ArchiveSpec(String logicalId, String name, String busName, String description, Integer retentionDays,
                              String patternJson) {

        public String arn() {
            return "arn:aws:events:" + REGION + ":" + ACCOUNT + ":archive/" + name;
        }
    }

    /** Everything, in template order. */
    public record SystemSpec(Path root, Map<String, String> parameters, Map<String, String> tables, List<String> buses,
                      List<QueueSpec> queues, List<FunctionSpec> functions, List<HttpRoute> routes, List<RuleSpec> rules,
                      List<ScheduleSpec> schedules, List<CustomResourceSpec> customResources, List<ArchiveSpec> archives,
                      List<String> ignored, List<QueueSourceSpec> queueSources) {

        public SystemSpec {
            queueSources = List.copyOf(queueSources);
        }

        public FunctionSpec function(String logicalId) {
            return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                    .orElseThrow(() -> new UserError("template.yaml has no AWS::Serverless::Function named " + logicalId
                            + "; it has " + functions.stream().map(FunctionSpec::logicalId).toList()));
        }

        public QueueSpec queue(String logicalId) {
            return queues.stream().filter(q -> q.logicalId().equals(logicalId)).findFirst().orElse(null);
        }
    }
}
