package shop.localcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import shop.localcloud.apigateway.HttpApi;
import shop.localcloud.apigateway.LocalIssuer;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.cloudformation.Template;
import shop.localcloud.common.Flow;
import shop.localcloud.common.Throttles;
import shop.localcloud.common.UserError;
import shop.localcloud.console.Console;
import shop.localcloud.edge.EdgeEndpoint;
import shop.localcloud.eventbridge.Archive;
import shop.localcloud.eventbridge.BusCatalog;
import shop.localcloud.eventbridge.BusEndpoint;
import shop.localcloud.eventbridge.Deliveries;
import shop.localcloud.eventbridge.EventBus;
import shop.localcloud.eventbridge.PutEventsThrottle;
import shop.localcloud.eventbridge.Schedules;
import shop.localcloud.lambda.LambdaApi;
import shop.localcloud.lambda.LocalFunction;
import shop.localcloud.lambda.QueueSources;
import shop.localcloud.lambda.SdkEndpoints;
import shop.localcloud.sqs.LocalSqs;
import shop.localparts.FreePort;

/**
 * Starts the parts in the order they need each other, as a deploy would: stores first (the template's queue URLs name
 * SQS's port), then functions, the bus and the custom resources that seed the tables; then, for the whole system, the
 * HTTP API, the edge endpoint with the console, the schedules and the pollers of the queues functions read. Everything started is closed again if a step fails.
 */
final class Startup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final Flow flow;
    private final Resources resources;
    private final Throttles throttles;

    private Startup(Options options, Flow flow, Resources resources) {
        this.options = options;
        this.flow = flow;
        this.resources = resources;
        this.throttles = new Throttles(flow);
    }

    /** The EventBridge side of the system: deliveries to the targets, the archive, the bus and its endpoint. */
    private record Bus(Deliveries deliveries, Archive archive, EventBus bus, BusEndpoint endpoint) {
    }

    /** What only the whole system serves: the HTTP API and the one edge endpoint (AWS APIs and the console). */
    private record Entrances(HttpApi httpApi, EdgeEndpoint edge) {
    }

    static LocalCloud start(Options options, Flow flow, boolean wholeSystem) {
        Resources resources = new Resources();
        try {
            return new Startup(options, flow, resources).start(wholeSystem);
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    private LocalCloud start(boolean wholeSystem) {
        Preflight.requireNode();
        Preflight.requireFreePorts(options);
        LocalSqs sqs = resources.closing(LocalSqs.start(options.sqsPort()));
        SystemSpec spec = Template.load(options.template(), options.templateParameters(), sqs.endpoint());
        Preflight.requireArtifacts(spec);
        Stores stores = Stores.start(sqs, spec, options, resources);
        stores.countThrottlesIn(throttles);
        throttles.reportEverySecond(resources.timer());
        int eventsPort = options.eventsPort() == 0 ? FreePort.find() : options.eventsPort();
        SdkEndpoints endpoints = stores.sdkEndpoints("http://127.0.0.1:" + eventsPort);
        Map<String, LocalFunction> functions = Functions.create(spec, endpoints, options, flow, throttles, resources);
        Bus bus = startBus(spec, stores, functions, eventsPort);
        LocalIssuer issuer = LocalIssuer.in(options.dataDir());
        if (!wholeSystem) {
            CloudView view = new CloudView(spec, options.template(), endpoints, null, null, functions, bus.deliveries(), bus.bus(),
                    stores, issuer, throttles, null);
            return new LocalCloud(resources, view, new Banner(options, view, List.of(), sampleQueueUrl(spec, sqs)));
        }
        Entrances entrances = startEntrances(spec, stores, functions, bus, issuer);
        Schedules.start(spec.schedules(), options.scheduleScale(), resources.timer(), bus.deliveries(), flow);
        QueueSources queueSources = resources.closing(new QueueSources(spec, functions, stores.sqs(), options.retryScale(), flow,
                options.faults()));
        bus.deliveries().queueReaders(QueueSources.readers(spec));
        queueSources.start();
        CloudView view = new CloudView(spec, options.template(), endpoints, entrances.httpApi().url(), entrances.edge().endpoint(),
                functions, bus.deliveries(), bus.bus(), stores, issuer, throttles, queueSources);
        writeState(view);
        return new LocalCloud(resources, view, new Banner(options, view, entrances.edge().services(), sampleQueueUrl(spec, sqs)));
    }

    /** The bus routes to the functions (or only archives, without routing); custom resources answer on its endpoint. */
    private Bus startBus(SystemSpec spec, Stores stores, Map<String, LocalFunction> functions, int eventsPort) {
        Deliveries deliveries = new Deliveries(functions, stores.sqs(), stores.queueNames(), resources.timer(), flow,
                options.retryScale(), options.faults());
        Archive archive = new Archive(options.dataDir().resolve("archive.jsonl"));
        archive.reportTo(message -> flow.line("ARCHIVE", message));
        EventBus bus = new EventBus(spec.buses(), options.routeEvents() ? spec.rules() : List.of(), archive, deliveries, flow,
                options.faults());
        CustomResources customResources = new CustomResources();
        BusEndpoint endpoint = resources.closing(new BusEndpoint(eventsPort, bus, new BusCatalog(spec, archive), customResources::answer,
                new PutEventsThrottle(options.quotas().putEventsPerSecond(), throttles)));
        customResources.createAll(spec.customResources(), functions, endpoint::responseUrl, flow);
        Functions.stopUntriggered(spec, functions);
        return new Bus(deliveries, archive, bus, endpoint);
    }

    private Entrances startEntrances(SystemSpec spec, Stores stores, Map<String, LocalFunction> functions, Bus bus, LocalIssuer issuer) {
        HttpApi httpApi = resources.closing(new HttpApi(options.httpPort(), spec.routes(), functions, flow, issuer,
                options.quotas().apiStageThrottle(), throttles));
        LambdaApi lambdaApi = new LambdaApi(functions, (id, event) -> bus.deliveries().invokeAsync(id, event,
                Deliveries.label(event) + " (Invoke)"), flow);
        Console console = new Console(spec, flow, bus.archive(), bus.bus(), bus.deliveries(),
                resources.closing(LocalSqs.client(stores.sqs().endpoint())), stores.dynamo(), throttles);
        EdgeEndpoint edge = resources.closing(new EdgeEndpoint(options.edgePort(), Map.of("events", bus.endpoint().endpoint(),
                "dynamodb", stores.dynamoDb().endpoint(), "sqs", stores.sqs().endpoint(), "ses", stores.sesEndpoint()),
                Map.of("lambda", lambdaApi), Map.of(Console.PATH, console), flow));
        return new Entrances(httpApi, edge);
    }

    private static String sampleQueueUrl(SystemSpec spec, LocalSqs sqs) {
        return spec.queues().isEmpty() ? "<url>" : sqs.queueUrl(spec.queues().get(0).name());
    }

    /** Where `replay` and `invoke --running` find a running `up`, and what a user can point the AWS CLI at; gone on close. */
    private void writeState(CloudView view) {
        ObjectNode state = JSON.createObjectNode();
        state.put("pid", ProcessHandle.current().pid());
        state.put("httpApi", view.httpUrl());
        state.put("edge", view.edgeEndpoint());
        state.put("eventBridge", view.eventsEndpoint());
        state.put("sqs", view.sqsEndpoint());
        state.put("dynamodb", view.dynamoDbEndpoint());
        state.put("sesv2", view.sdkEndpoints().sesV2());
        Path stateFile = options.dataDir().resolve("local-cloud.json");
        try {
            Files.writeString(stateFile, state.toPrettyString());
        } catch (IOException e) {
            throw new UserError("cannot write " + stateFile + ": " + e.getMessage());
        }
        resources.closing(() -> {
            try {
                Files.deleteIfExists(stateFile);
            } catch (IOException ignored) {
                // a stale file only makes `replay` say it cannot reach local-cloud
            }
        });
    }
}
