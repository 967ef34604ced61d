package shop.localcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import shop.localcloud.apigateway.HttpApi;
import shop.localcloud.apigateway.LocalIssuer;
import shop.localcloud.cloudformation.CustomResources;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.cloudformation.Model.FunctionSpec;
import shop.localcloud.cloudformation.Model.HttpRoute;
import shop.localcloud.cloudformation.Model.QueueSpec;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.cloudformation.Template;
import shop.localcloud.console.Console;
import shop.localcloud.edge.EdgeEndpoint;
import shop.localcloud.eventbridge.Archive;
import shop.localcloud.eventbridge.BusCatalog;
import shop.localcloud.eventbridge.BusEndpoint;
import shop.localcloud.eventbridge.Deliveries;
import shop.localcloud.eventbridge.EventBus;
import shop.localcloud.eventbridge.Schedules;
import shop.localcloud.lambda.LambdaApi;
import shop.localcloud.lambda.LambdaEnvironment;
import shop.localcloud.lambda.LocalFunction;
import shop.localcloud.sqs.LocalSqs;
import shop.localparts.FreePort;
import shop.localparts.NodeModules;
import shop.localparts.SesV2Local;
import shop.localparts.TemplateTables;
import shop.localparts.TransactionalDynalite;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole system of template.yaml, started on loopback: local parts first, then functions, bus, seeds and the
 * HTTP API. Public so that test modules can run scenarios against it: {@code LocalCloud.start(options, System.out)}.
 */
public final class LocalCloud implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final Options options;
    private final Flow flow;
    private final ScheduledExecutorService timer;
    private SystemSpec spec;
    private LocalSqs sqs;
    private TransactionalDynalite dynamoDb;
    private SesV2Local ses;
    private DynamoDbClient dynamo;
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private Deliveries deliveries;
    private EventBus bus;
    private BusEndpoint busEndpoint;
    private HttpApi httpApi;
    private EdgeEndpoint edge;
    private Archive archive;
    private LocalIssuer issuer;
    private Path stateFile;

    private LocalCloud(Options options, Flow flow) {
        this.options = options;
        this.flow = flow;
        this.timer = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "local-cloud-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the whole system, printing its flow (one line per request, event, delivery, DLQ arrival) to {@code flow}. */
    public static LocalCloud start(Options options, PrintStream flow) {
        return start(options, new Flow(flow), true);
    }

    /** Starts everything; with {@code wholeSystem} false (invoke): local parts, bus and seeds, but no HTTP API or schedules. */
    public static LocalCloud start(Options options, Flow flow, boolean wholeSystem) {
        LocalCloud cloud = new LocalCloud(options, flow);
        try {
            cloud.startParts(wholeSystem);
            return cloud;
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    private void startParts(boolean wholeSystem) {
        try {
            NodeModules.requireNode();
        } catch (IllegalStateException e) {
            throw new UserError(e.getMessage());
        }
        for (int port : new int[] {options.httpPort(), options.eventsPort(), options.edgePort()}) {
            if (port != 0 && FreePort.isListening(port)) {
                throw new UserError("port " + port + " is in use (another local-cloud?); stop what runs there or pass "
                        + (port == options.httpPort() ? "--port" : port == options.edgePort() ? "--edge-port" : "--events-port")
                        + " <free port>");
            }
        }
        sqs = closing(LocalSqs.start(options.sqsPort()));
        spec = Template.load(options.template(), options.parameters(), sqs.endpoint());
        List<String> missing = spec.functions().stream().filter(f -> !Files.isRegularFile(f.artifact()))
                .map(f -> f.logicalId() + " (" + spec.root().relativize(f.artifact()) + ")").toList();
        if (!missing.isEmpty()) {
            throw new UserError("not built: " + String.join(", ", missing) + "; run mvn -B -DskipTests package (or ./local-cloud/run, which builds what is missing)");
        }
        try {
            dynamoDb = closing(TransactionalDynalite.start());
            ses = closing(SesV2Local.start());
        } catch (IllegalStateException e) {
            throw new UserError("a Node.js stand-in did not start: " + e.getMessage() + "; try `npm ci` in " + spec.root());
        }
        dynamo = closing(TemplateTables.localClient(dynamoDb.endpoint()));
        TemplateTables tables = new TemplateTables(options.template());
        spec.tables().forEach((logicalId, name) -> tables.create(dynamo, logicalId, name));
        Map<String, String> queueNames = new LinkedHashMap<>();
        for (QueueSpec queue : spec.queues()) {
            sqs.createQueue(queue.name());
            queueNames.put(queue.logicalId(), queue.name());
        }
        int eventsPort = options.eventsPort() == 0 ? FreePort.find() : options.eventsPort();
        Map<String, String> endpoints = Map.of("DYNAMODB", dynamoDb.endpoint(), "EVENTBRIDGE", "http://127.0.0.1:" + eventsPort,
                "SESV2", ses.endpoint(), "SQS", sqs.endpoint());
        Path taskRoot = directory(options.dataDir().resolve("task"));
        Path logs = directory(options.dataDir().resolve("logs"));
        for (FunctionSpec function : spec.functions()) {
            functions.put(function.logicalId(), closing(new LocalFunction(function, LambdaEnvironment.command(function, logs),
                    LambdaEnvironment.of(function, endpoints, taskRoot), options.concurrency(), timer,
                    logSink(logs.resolve(function.logicalId() + ".log"), function.logicalId()))));
        }
        deliveries = new Deliveries(functions, sqs, queueNames, timer, flow, options.retryScale(), options.faults());
        archive = new Archive(options.dataDir().resolve("archive.jsonl"));
        archive.reportTo(message -> flow.line("ARCHIVE", message));
        bus = new EventBus(spec.buses(), options.routeEvents() ? spec.rules() : List.of(), archive, deliveries, flow, options.faults());
        CustomResources customResources = new CustomResources();
        busEndpoint = closing(new BusEndpoint(eventsPort, bus, new BusCatalog(spec, archive), customResources::answer));
        customResources.createAll(spec.customResources(), functions, busEndpoint::responseUrl, flow);
        functions.values().stream().filter(f -> !hasEvents(f.id())).forEach(LocalFunction::stopInstances);
        issuer = LocalIssuer.in(options.dataDir());
        if (!wholeSystem) {
            return;
        }
        httpApi = closing(new HttpApi(options.httpPort(), spec.routes(), functions, flow, issuer));
        edge = closing(new EdgeEndpoint(options.edgePort(), Map.of("events", busEndpoint.endpoint(), "dynamodb", dynamoDb.endpoint(),
                "sqs", sqs.endpoint(), "ses", ses.endpoint()),
                Map.of("lambda", new LambdaApi(functions, (id, event) -> deliveries.invokeAsync(id, event,
                        Deliveries.label(event) + " (Invoke)"), flow)),
                Map.of(Console.PATH, new Console(spec, flow, archive, bus, deliveries, closing(LocalSqs.client(sqs.endpoint())), dynamo)), flow));
        Schedules.start(spec.schedules(), options.scheduleScale(), timer, deliveries, flow);
        writeState();
    }

    private boolean hasEvents(String functionId) {
        return spec.routes().stream().anyMatch(r -> r.functionId().equals(functionId))
                || spec.rules().stream().anyMatch(r -> r.functionId().equals(functionId))
                || spec.schedules().stream().anyMatch(s -> s.functionId().equals(functionId));
    }

    /** Where `replay` finds a running `up`, and what a user can point the AWS CLI at. */
    private void writeState() {
        ObjectNode state = JSON.createObjectNode();
        state.put("pid", ProcessHandle.current().pid());
        state.put("httpApi", httpApi.url());
        state.put("edge", edge.endpoint());
        state.put("eventBridge", busEndpoint.endpoint());
        state.put("sqs", sqs.endpoint());
        state.put("dynamodb", dynamoDb.endpoint());
        state.put("sesv2", ses.endpoint());
        stateFile = options.dataDir().resolve("local-cloud.json");
        try {
            Files.writeString(stateFile, state.toPrettyString());
        } catch (IOException e) {
            throw new UserError("cannot write " + stateFile + ": " + e.getMessage());
        }
    }

    /** The banner: what runs where, and how to look at it. */
    public void describe(PrintStream out) {
        out.println("local-cloud: " + functions.size() + " functions, " + spec.tables().size() + " tables, " + spec.rules().size()
                + " rules, " + spec.queues().size() + " queues from " + options.template());
        if (edge != null) {
            out.println("  AWS APIs      " + edge.endpoint() + "   one endpoint for " + String.join(", ", edge.services()) + "; for the AWS CLI and SDKs:");
            out.println("                export AWS_ENDPOINT_URL=" + edge.endpoint() + " AWS_REGION=" + Model.REGION
                    + " AWS_DEFAULT_REGION=" + Model.REGION + " AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test");
            out.println("  console       " + edge.endpoint() + Console.PATH + "/   (open it in a browser: the flow, live events, an order's journey, DLQs, replay)");
        }
        if (httpApi != null) {
            out.println("  HTTP API      " + httpApi.url() + "   as a customer: -H \"Authorization: Bearer $(./local-cloud/run token alice)\"");
            out.println("                (-H 'X-Local-Customer: alice' is a local shortcut that BYPASSES the authorizer)");
            spec.routes().forEach(r -> out.println("                " + String.format("%-28s", r.routeKey()) + " -> " + r.functionId()
                    + (r.authorizer() == null ? "" : "   (JWT authorizer " + r.authorizer().name() + ")")));
        }
        out.println("  EventBridge   " + busEndpoint.endpoint() + "   buses " + bus.busNames());
        out.println("  SQS           " + sqs.endpoint() + "   aws sqs receive-message --endpoint-url " + sqs.endpoint()
                + " --queue-url " + (spec.queues().isEmpty() ? "<url>" : sqs.queueUrl(spec.queues().get(0).name())));
        out.println("  DynamoDB      " + dynamoDb.endpoint() + "   aws dynamodb scan --endpoint-url " + dynamoDb.endpoint()
                + " --table-name <table>");
        out.println("                (dynalite with transactions and TTL added; TTL deletes within a second, AWS within days)");
        out.println("  SES (emails)  " + ses.endpoint() + "   (open it in a browser to read the emails sent)");
        out.println("  archive       " + options.dataDir().resolve("archive.jsonl") + "   function logs "
                + options.dataDir().resolve("logs"));
        out.println("  retries       Lambda async retries after " + Math.round(60_000 * options.retryScale()) + " and "
                + Math.round(120_000 * options.retryScale()) + " ms (--retry-scale " + options.retryScale() + " of AWS's 1 and 2 min)");
        if (options.faults().any()) {
            out.println("  FAULTS        injected: " + options.faults());
        }
        if (!spec.ignored().isEmpty()) {
            out.println("  not run here  " + String.join(", ", spec.ignored()));
        }
    }

    private Consumer<String> logSink(Path file, String functionId) {
        BufferedWriter writer;
        try {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UserError("cannot write function logs to " + file + ": " + e.getMessage());
        }
        toClose.push(writer);
        return line -> {
            synchronized (writer) {
                try {
                    writer.write(line);
                    writer.newLine();
                    writer.flush();
                } catch (IOException ignored) {
                    // logs are best effort
                }
            }
            if (options.functionLogsOnConsole()) {
                flow.info("[" + functionId + "] " + line);
            }
        };
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("cannot create " + dir + ": " + e.getMessage() + "; pass --data <writable folder>");
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        toClose.push(resource);
        return resource;
    }

    public SystemSpec spec() {
        return spec;
    }

    public Map<String, LocalFunction> functions() {
        return functions;
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    public EventBus bus() {
        return bus;
    }

    /**
     * A token the route's JWT authorizer accepts for {@code customer} (valid one hour), signed by the key local-cloud
     * holds; the first authorizer of the template's routes.
     */
    public String token(String customer) {
        return issuer.mint(spec.routes().stream().map(HttpRoute::authorizer).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new UserError("no route of " + options.template() + " has a JWT authorizer")), customer,
                java.time.Duration.ofHours(1));
    }

    /** The HTTP API, e.g. http://localhost:3000. */
    public String httpUrl() {
        return httpApi.url();
    }

    /** The edge endpoint: every AWS API local-cloud serves, routed by the request's SigV4 service (AWS_ENDPOINT_URL). */
    public String edgeEndpoint() {
        return edge.endpoint();
    }

    /** The EventBridge endpoint (PutEvents, StartReplay, DescribeReplay). */
    public String eventsEndpoint() {
        return busEndpoint.endpoint();
    }

    /** The SQS endpoint where the dead-letter queues are (queue names as in the template, or their logical ids). */
    public String sqsEndpoint() {
        return sqs.endpoint();
    }

    public String dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    /** The table names by logical id, as the functions see them. */
    public Map<String, String> tables() {
        return spec.tables();
    }

    /** Waits until every delivery, retry included, has ended (in a result, a DLQ or a drop); false on timeout. */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        return deliveries.awaitIdle(timeoutMillis);
    }

    /**
     * Switches the injected faults of the running system (PutEvents and deliveries), e.g. PutEvents failing while
     * orders are placed and then recovering, or delivery failures switched on only after the seeds have run.
     */
    public void injectFaults(Faults injected) {
        bus.faults(injected);
        deliveries.faults(injected);
    }

    /**
     * Invokes {@code functionId} asynchronously with {@code event}, as {@code aws lambda invoke --invocation-type Event}
     * does: function errors are retried per its EventInvokeConfig, then go to its on-failure destination.
     */
    public void invokeAsync(String functionId, ObjectNode event) {
        if (!functions.containsKey(functionId)) {
            throw new UserError("no function " + functionId + " in " + options.template());
        }
        deliveries.invokeAsync(functionId, event, Deliveries.label(event) + " (direct)");
    }

    public LocalSqs sqs() {
        return sqs;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public SesV2Local ses() {
        return ses;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (stateFile != null) {
            try {
                Files.deleteIfExists(stateFile);
            } catch (IOException ignored) {
                // a stale file only makes `replay` say it cannot reach local-cloud
            }
        }
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception ignored) {
                // keep closing the rest
            }
        }
    }
}
