package shop.localcloud.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import shop.localcloud.cloudformation.Model;
import shop.localcloud.common.HttpServers;

/**
 * The EventBridge wire protocol (JSON 1.1, {@code X-Amz-Target: AWSEvents.*}) on loopback: PutEvents, replays, and
 * the read operations of {@link BusCatalog}, so the AWS SDK and CLI talk to the local bus unchanged; PutEvents within
 * its quota ({@link PutEventsThrottle}). It also receives the CloudFormation
 * custom-resource answers (PUT /cloudformation/{requestId}).
 */
public final class BusEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final HttpServer server;
    private final EventBus bus;
    private final BiConsumer<String, JsonNode> cloudFormationResponses;
    private final Map<String, ObjectNode> replays = new ConcurrentHashMap<>();
    private final BusCatalog catalog;
    private final PutEventsThrottle putEventsThrottle;

    public BusEndpoint(int port, EventBus bus, BusCatalog catalog, BiConsumer<String, JsonNode> cloudFormationResponses,
                       PutEventsThrottle putEventsThrottle) {
        this.bus = bus;
        this.putEventsThrottle = putEventsThrottle;
        this.catalog = catalog;
        this.cloudFormationResponses = cloudFormationResponses;
        this.server = HttpServers.bind(port, "EventBridge", "--events-port");
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String responseUrl(String requestId) {
        return endpoint() + "/cloudformation/" + requestId;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/cloudformation/") && exchange.getRequestMethod().equals("PUT")) {
                cloudFormationResponses.accept(path.substring("/cloudformation/".length()), JSON.readTree(exchange.getRequestBody()));
                HttpServers.reply(exchange, 200, null, new byte[0]);
                return;
            }
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            JsonNode request;
            try {
                request = JSON.readTree(exchange.getRequestBody());
                request = request == null || request.isMissingNode() ? JSON.createObjectNode() : request;
            } catch (IOException e) {
                error(exchange, 400, "SerializationException", "the request body is not JSON");
                return;
            }
            try {
                ObjectNode response = switch (target) {
                    case "AWSEvents.PutEvents" -> {
                        putEventsThrottle.admit();
                        yield bus.putEvents(request == null ? JSON.createObjectNode() : request);
                    }
                    case "AWSEvents.StartReplay" -> startReplay(request);
                    case "AWSEvents.DescribeReplay" -> describeReplay(request);
                    case "AWSEvents.ListReplays" -> listReplays(request);
                    case "AWSEvents.ListEventBuses" -> catalog.listEventBuses(request);
                    case "AWSEvents.DescribeEventBus" -> catalog.describeEventBus(request);
                    case "AWSEvents.ListRules" -> catalog.listRules(request);
                    case "AWSEvents.DescribeRule" -> catalog.describeRule(request);
                    case "AWSEvents.ListTargetsByRule" -> catalog.listTargetsByRule(request);
                    case "AWSEvents.ListArchives" -> catalog.listArchives(request);
                    case "AWSEvents.DescribeArchive" -> catalog.describeArchive(request);
                    case "AWSEvents.TestEventPattern" -> catalog.testEventPattern(request);
                    default -> throw new EventBus.ApiException(400, "UnknownOperationException", "local-cloud serves PutEvents, "
                            + "StartReplay, DescribeReplay, ListReplays, ListEventBuses, DescribeEventBus, ListRules, DescribeRule, "
                            + "ListTargetsByRule, ListArchives, DescribeArchive and TestEventPattern, not " + target);
                };
                HttpServers.reply(exchange, 200, CONTENT_TYPE, JSON.writeValueAsBytes(response));
            } catch (EventBus.ApiException e) {
                error(exchange, e.status, e.type, e.getMessage());
            } catch (RuntimeException e) {
                error(exchange, 500, "InternalException", String.valueOf(e.getMessage()));
            }
        }
    }

    private ObjectNode startReplay(JsonNode request) {
        String name = request.path("ReplayName").asText("");
        if (name.isEmpty() || !request.has("EventStartTime") || !request.has("EventEndTime")) {
            throw new EventBus.ApiException(400, "ValidationException", "ReplayName, EventStartTime and EventEndTime are required");
        }
        if (replays.containsKey(name)) {
            throw new EventBus.ApiException(400, "ResourceAlreadyExistsException", "Replay " + name + " already exists.");
        }
        Instant from = Instant.ofEpochMilli((long) (request.path("EventStartTime").asDouble() * 1000));
        Instant to = Instant.ofEpochMilli((long) (request.path("EventEndTime").asDouble() * 1000));
        String destination = request.path("Destination").path("Arn").asText("");
        String destinationBus = destination.isEmpty() ? null : destination.substring(destination.lastIndexOf('/') + 1);
        ObjectNode replay = JSON.createObjectNode();
        replay.put("ReplayName", name);
        replay.put("ReplayArn", "arn:aws:events:" + Model.REGION + ":" + Model.ACCOUNT + ":replay/" + name);
        replay.put("State", "RUNNING");
        replay.put("EventSourceArn", request.path("EventSourceArn").asText(""));
        replay.put("EventStartTime", from.toEpochMilli() / 1000.0);
        replay.put("EventEndTime", to.toEpochMilli() / 1000.0);
        if (!destination.isEmpty()) {
            replay.putObject("Destination").put("Arn", destination);
        }
        replay.put("ReplayStartTime", Instant.now().getEpochSecond());
        replays.put(name, replay);
        Thread worker = new Thread(() -> {
            try {
                EventBus.Replayed replayed = bus.replayed(name, from, to, destinationBus);
                replay.put("StateReason", replayed.events() + " events replayed" + (replayed.skippedLines() == 0 ? ""
                        : "; " + replayed.skippedLines() + " unreadable archive line(s) skipped"));
                replay.put("State", "COMPLETED");
            } catch (RuntimeException | Error e) {
                // as EventBridge shows a replay that could not finish: FAILED, with the reason, never RUNNING forever
                replay.put("StateReason", "replay failed: " + e);
                replay.put("State", "FAILED");
            } finally {
                replay.put("ReplayEndTime", Instant.now().getEpochSecond());
            }
        }, "replay-" + UUID.randomUUID());
        worker.setDaemon(true);
        worker.start();
        ObjectNode response = JSON.createObjectNode();
        response.put("ReplayArn", replay.path("ReplayArn").asText());
        response.put("State", "STARTING");
        response.put("ReplayStartTime", replay.path("ReplayStartTime").asLong());
        return response;
    }

    /** The replays started since local-cloud started, in ListReplays' shape (NamePrefix, State, EventSourceArn filters). */
    private ObjectNode listReplays(JsonNode request) {
        String prefix = request.path("NamePrefix").asText("");
        String state = request.path("State").asText("");
        String source = request.path("EventSourceArn").asText("");
        ObjectNode response = JSON.createObjectNode();
        var list = response.putArray("Replays");
        replays.values().stream().map(ObjectNode::deepCopy)
                .filter(r -> r.path("ReplayName").asText().startsWith(prefix))
                .filter(r -> state.isEmpty() || state.equals(r.path("State").asText()))
                .filter(r -> source.isEmpty() || source.equals(r.path("EventSourceArn").asText()))
                .sorted(java.util.Comparator.comparing(r -> r.path("ReplayName").asText()))
                .forEach(r -> {
                    r.remove(java.util.List.of("ReplayArn", "Destination", "Description"));
                    list.add(r);
                });
        return response;
    }

    private ObjectNode describeReplay(JsonNode request) {
        ObjectNode replay = replays.get(request.path("ReplayName").asText());
        if (replay == null) {
            throw new EventBus.ApiException(400, "ResourceNotFoundException", "Replay " + request.path("ReplayName").asText() + " does not exist.");
        }
        return replay.deepCopy();
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        HttpServers.reply(exchange, status, CONTENT_TYPE, JSON.writeValueAsBytes(error));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
