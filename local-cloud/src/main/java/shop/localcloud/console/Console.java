package shop.localcloud.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.common.Flow;
import shop.localcloud.common.HttpServers;
import shop.localcloud.common.Throttles;
import shop.localcloud.eventbridge.Archive;
import shop.localcloud.eventbridge.Deliveries;
import shop.localcloud.eventbridge.EventBus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The browser console ({@code /console/} on the edge endpoint): plain HTML and JavaScript from the jar, no build,
 * over a small JSON API: the flow the template describes, the live stream of the flow lines, one object's journey
 * across every context, each dead-letter queue with redrive, the events producers parked, the throttles of AWS's
 * quotas, and an archive replay by time range.
 */
public final class Console implements HttpHandler {

    public static final String PATH = "/console";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final SystemSpec spec;
    private final Flow flow;
    private final Archive archive;
    private final EventBus bus;
    private final DeadLetters deadLetters;
    private final ParkedEvents parked;
    private final Throttles throttles;

    public Console(SystemSpec spec, Flow flow, Archive archive, EventBus bus, Deliveries deliveries, SqsClient sqs, DynamoDbClient dynamo,
                   Throttles throttles) {
        this.throttles = throttles;
        this.spec = spec;
        this.flow = flow;
        this.archive = archive;
        this.bus = bus;
        this.deadLetters = new DeadLetters(spec.queues(), sqs, deliveries);
        this.parked = new ParkedEvents(spec.tables(), dynamo);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        try {
            switch (path.equals(PATH) ? PATH + "/" : path) {
                case PATH + "/" -> file(exchange, "index.html");
                case PATH + "/console.js" -> file(exchange, "console.js");
                case PATH + "/console.css" -> file(exchange, "console.css");
                case PATH + "/api/flow" -> json(exchange, 200, flowJson(spec));
                case PATH + "/api/stream" -> json(exchange, 200, stream(Long.parseLong(query.getOrDefault("after", "0"))));
                case PATH + "/api/journey" -> json(exchange, 200, Journey.of(query.getOrDefault("id", "").trim(), archive, flow));
                case PATH + "/api/queues" -> json(exchange, 200, deadLetters.list());
                case PATH + "/api/parked" -> json(exchange, 200, parked.list());
                case PATH + "/api/throttles" -> json(exchange, 200, throttles());
                case PATH + "/api/redrive" -> post(exchange, () -> JSON.createObjectNode().put("outcome",
                        deadLetters.redrive(query.getOrDefault("queue", ""), query.getOrDefault("messageId", ""))));
                case PATH + "/api/replay" -> post(exchange, () -> replay(query));
                default -> problem(exchange, 404, "Not Found", "the console has no " + path);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problem(exchange, 400, "Bad Request", e.getMessage());
        } catch (RuntimeException e) {
            problem(exchange, 500, "Internal Server Error", String.valueOf(e.getMessage()));
        }
    }

    /** What {@code /console/api/flow} answers: the graph, where to draw it, and each rule with its queues. */
    static ObjectNode flowJson(SystemSpec spec) {
        FlowGraph graph = FlowGraph.of(spec);
        ObjectNode flowJson = graph.json();
        flowJson.set("layout", FlowLayout.of(graph).json());
        ArrayNode rules = flowJson.putArray("rules");
        spec.rules().forEach(r -> rules.addObject().put("name", r.name()).put("bus", r.busName())
                .put("function", r.targetsQueue() ? "queue " + spec.queue(r.queueId()).name() : r.functionId())
                .put("pattern", r.patternJson()).put("summary", FlowGraph.patternSummary(r.patternJson()))
                .put("deadLetterQueue", r.deadLetterQueue() == null ? "" : spec.queue(r.deadLetterQueue()).name())
                .put("onFailure", r.targetsQueue() || spec.function(r.functionId()).async().onFailureQueue() == null ? ""
                        : spec.queue(spec.function(r.functionId()).async().onFailureQueue()).name()));
        return flowJson;
    }

    private ObjectNode stream(long after) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode lines = answer.putArray("lines");
        long last = after;
        for (Flow.Line line : flow.since(after)) {
            lines.addObject().put("seq", line.seq()).put("time", line.time()).put("kind", line.kind()).put("text", line.text());
            last = line.seq();
        }
        answer.put("next", last);
        return answer;
    }

    /** {@code {"throttles": {"<part>": <count>, ...}}}: every part a modelled AWS quota throttled, since the start. */
    private ObjectNode throttles() {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode parts = answer.putObject("throttles");
        throttles.totals().forEach(parts::put);
        return answer;
    }

    private ObjectNode replay(Map<String, String> query) {
        Instant from = Instant.parse(query.getOrDefault("from", ""));
        Instant to = Instant.parse(query.getOrDefault("to", ""));
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        String name = "console-replay-" + UUID.randomUUID().toString().substring(0, 8);
        int count = bus.replay(name, from, to, null);
        return JSON.createObjectNode().put("name", name).put("count", count);
    }

    private interface Answer {
        JsonNode get();
    }

    private static void post(HttpExchange exchange, Answer answer) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            problem(exchange, 405, "Method Not Allowed", "use POST");
            return;
        }
        json(exchange, 200, answer.get());
    }

    private static void file(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = Console.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                problem(exchange, 404, "Not Found", name + " is not in local-cloud's jar");
                return;
            }
            HttpServers.reply(exchange, 200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), in.readAllBytes());
        }
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        HttpServers.reply(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        HttpServers.reply(exchange, status, "application/problem+json", JSON.writeValueAsBytes(JSON.createObjectNode()
                .put("type", "about:blank").put("title", title).put("status", status).put("detail", detail)));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }
}
