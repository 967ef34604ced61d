package shop.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import shop.localcloud.apigateway.LocalIssuer;
import shop.localcloud.cloudformation.Model.HttpRoute;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.common.Faults;
import shop.localcloud.common.Throttles;
import shop.localcloud.common.UserError;
import shop.localcloud.eventbridge.Deliveries;
import shop.localcloud.eventbridge.EventBus;
import shop.localcloud.lambda.InvocationResult;
import shop.localcloud.lambda.LocalFunction;
import shop.localcloud.lambda.QueueSources;
import shop.localcloud.lambda.SdkEndpoints;
import shop.localparts.SesV2Local.ReceivedEmail;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a running local-cloud shows to those who use it (the demo, tests, benchmarks): its endpoints, the template's
 * names, the state it holds, and the levers a client of AWS has too (invoke, put events, replay) plus injected faults.
 * It neither starts, stops nor rewires anything: that is {@link LocalCloud}'s.
 */
public final class CloudView {

    private final SystemSpec spec;
    private final Path template;
    private final SdkEndpoints sdk;
    private final String httpUrl;
    private final String edge;
    private final Map<String, LocalFunction> functions;
    private final Deliveries deliveries;
    private final EventBus bus;
    private final Stores stores;
    private final LocalIssuer issuer;
    private final Throttles throttles;
    private final QueueSources queueSources;

    /** {@code queueSources}: null when the queues' pollers do not run (only the parts were started). */
    CloudView(SystemSpec spec, Path template, SdkEndpoints sdk, String httpUrl, String edge, Map<String, LocalFunction> functions,
              Deliveries deliveries, EventBus bus, Stores stores, LocalIssuer issuer, Throttles throttles, QueueSources queueSources) {
        this.throttles = throttles;
        this.queueSources = queueSources;
        this.spec = spec;
        this.template = template;
        this.sdk = sdk;
        this.httpUrl = httpUrl;
        this.edge = edge;
        this.functions = functions;
        this.deliveries = deliveries;
        this.bus = bus;
        this.stores = stores;
        this.issuer = issuer;
    }

    /** The HTTP API, e.g. http://localhost:3000. */
    public String httpUrl() {
        return served(httpUrl, "the HTTP API");
    }

    /** The edge endpoint: every AWS API local-cloud serves, routed by the request's SigV4 service (AWS_ENDPOINT_URL). */
    public String edgeEndpoint() {
        return served(edge, "the edge endpoint");
    }

    /** The EventBridge endpoint (PutEvents, StartReplay, DescribeReplay). */
    public String eventsEndpoint() {
        return sdk.eventBridge();
    }

    /** The SQS endpoint where the dead-letter queues are (queue names as in the template, or their logical ids). */
    public String sqsEndpoint() {
        return sdk.sqs();
    }

    public String dynamoDbEndpoint() {
        return sdk.dynamoDb();
    }

    /** Where the functions' SDKs are pointed (each local part's own port). */
    public SdkEndpoints sdkEndpoints() {
        return sdk;
    }

    /** What local-cloud read of the template: functions, tables, buses, queues, routes, rules, schedules. */
    public SystemSpec spec() {
        return spec;
    }

    /** The table names by logical id, as the functions see them. */
    public Map<String, String> tables() {
        return spec.tables();
    }

    /** A client of the local DynamoDB, closed with the system. */
    public DynamoDbClient dynamo() {
        return stores.dynamo();
    }

    /** Every email the local SES has received, oldest first. */
    public List<ReceivedEmail> emails() {
        return stores.ses().emails();
    }

    public List<ReceivedEmail> emailsTo(String address) {
        return stores.ses().emailsTo(address);
    }

    /**
     * A token the route's JWT authorizer accepts for {@code customer} (valid one hour), signed by the key local-cloud
     * holds; the first authorizer of the template's routes.
     */
    public String token(String customer) {
        return issuer.mint(spec.routes().stream().map(HttpRoute::authorizer).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new UserError("no route of " + template + " has a JWT authorizer")), customer, Duration.ofHours(1));
    }

    /**
     * How often a modelled AWS quota throttled {@code part} since the start: {@code "api"} (the stage throttle),
     * {@code "putEvents"}, {@code "ses"}, {@code "dynamodb"} (item writes) or {@code "lambda:<FunctionLogicalId>"}
     * (invocations beyond a concurrency cap: asynchronous ones that had to wait, synchronous ones refused).
     */
    public long throttled(String part) {
        return throttles.total(part);
    }

    /**
     * Waits until every delivery, retry included, has ended (in a result, a DLQ or a drop) and every queue a function
     * reads is empty (no message visible or in flight); false on timeout.
     */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        return deliveries.awaitIdle(timeoutMillis, queueSources == null ? () -> true : queueSources::quiet);
    }

    /**
     * Switches the injected faults of the running system (PutEvents and deliveries), e.g. PutEvents failing while
     * orders are placed and then recovering, or delivery failures switched on only after the seeds have run.
     */
    public void injectFaults(Faults injected) {
        bus.faults(injected);
        deliveries.faults(injected);
        if (queueSources != null) {
            queueSources.faults(injected);
        }
    }

    /** Invokes {@code functionId} once and answers when it has, as {@code aws lambda invoke} (RequestResponse) does. */
    public CompletableFuture<InvocationResult> invoke(String functionId, byte[] payload) {
        return function(functionId).invoke(payload);
    }

    /**
     * Invokes {@code functionId} asynchronously with {@code event}, as {@code aws lambda invoke --invocation-type Event}
     * does: function errors are retried per its EventInvokeConfig, then go to its on-failure destination.
     */
    public void invokeAsync(String functionId, ObjectNode event) {
        function(functionId);
        deliveries.invokeAsync(functionId, event, Deliveries.label(event) + " (direct)");
    }

    /** Answers a PutEvents request body as the bus endpoint does; whole-request errors throw {@link EventBus.ApiException}. */
    public ObjectNode putEvents(JsonNode request) {
        return bus.putEvents(request);
    }

    /** Sends the archived events of every bus put from {@code from} to {@code to} again, with {@code replay-name} set. */
    public int replay(String replayName, Instant from, Instant to) {
        return bus.replay(replayName, from, to, null);
    }

    private LocalFunction function(String functionId) {
        LocalFunction function = functions.get(functionId);
        if (function == null) {
            throw new UserError("no function " + functionId + " in " + template + "; it has " + functions.keySet());
        }
        return function;
    }

    private static String served(String endpoint, String what) {
        if (endpoint == null) {
            throw new IllegalStateException(what + " is not served: this local-cloud was started with startParts");
        }
        return endpoint;
    }

    /** Whether the HTTP API and the edge endpoint run (a whole system, not only its parts). */
    boolean servesEntrances() {
        return httpUrl != null;
    }

    int functionCount() {
        return functions.size();
    }

    List<String> busNames() {
        return List.copyOf(bus.busNames());
    }
}
