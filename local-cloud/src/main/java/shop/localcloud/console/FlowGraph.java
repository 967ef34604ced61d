package shop.localcloud.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.localcloud.cloudformation.Model.FunctionSpec;
import shop.localcloud.cloudformation.Model.HttpRoute;
import shop.localcloud.cloudformation.Model.QueueSourceSpec;
import shop.localcloud.cloudformation.Model.QueueSpec;
import shop.localcloud.cloudformation.Model.RuleSpec;
import shop.localcloud.cloudformation.Model.ScheduleSpec;
import shop.localcloud.cloudformation.Model.SystemSpec;

/**
 * The event flow the template describes, read generically (never a resource name known in advance): the HTTP routes
 * and schedules that start functions, the functions that put events on each bus (its name in their environment), each
 * rule with its pattern and target (a function, or a queue a function reads in batches), and the dead-letter queues of
 * rules, functions and queues. Drawn as Mermaid for the README
 * and as JSON for the console, so both show the same picture.
 */
public final class FlowGraph {

    /** A box: its id (safe for Mermaid), kind (api, schedule, function, bus, rule, queue) and label. */
    public record Node(String id, String kind, String label) {
    }

    /** An arrow; {@code failure}: drawn dashed, where what cannot be processed goes. */
    public record Edge(String from, String to, String label, boolean failure) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private FlowGraph() {
    }

    public static FlowGraph of(SystemSpec spec) {
        FlowGraph graph = new FlowGraph();
        if (!spec.routes().isEmpty()) {
            graph.node("api", "api", "HTTP API");
        }
        for (HttpRoute route : spec.routes()) {
            graph.edge("api", graph.function(route.functionId()), route.routeKey(), false);
        }
        for (ScheduleSpec schedule : spec.schedules()) {
            String id = graph.node("schedule_" + safe(schedule.name()), "schedule", schedule.expression());
            graph.edge(id, graph.function(schedule.functionId()), schedule.name(), false);
        }
        for (FunctionSpec function : spec.functions()) {
            for (String bus : spec.buses()) {
                boolean puts = function.environment().values().stream().anyMatch(v -> v.equals(bus) || v.endsWith(":event-bus/" + bus));
                if (puts) {
                    graph.edge(graph.function(function.logicalId()), graph.bus(bus), "PutEvents", false);
                }
            }
        }
        for (RuleSpec rule : spec.rules()) {
            String id = graph.node("rule_" + safe(rule.name()), "rule", rule.name() + "\n" + patternSummary(rule.patternJson()));
            graph.edge(graph.bus(rule.busName()), id, "", false);
            graph.edge(id, rule.targetsQueue() ? graph.queue(spec, rule.queueId()) : graph.function(rule.functionId()),
                    rule.targetsQueue() ? "SendMessage" : "", false);
            if (rule.deadLetterQueue() != null) {
                graph.edge(id, graph.queue(spec, rule.deadLetterQueue()), "cannot deliver", true);
            }
        }
        for (QueueSourceSpec source : spec.queueSources()) {
            QueueSpec queue = spec.queue(source.queueId());
            String from = graph.queue(spec, queue.logicalId());
            graph.edge(from, graph.function(source.functionId()), "batches of " + source.batchSize(), false);
            if (queue.deadLetterQueue() != null) {
                graph.edge(from, graph.queue(spec, queue.deadLetterQueue()), "after " + queue.maxReceiveCount() + " receives", true);
            }
        }
        for (FunctionSpec function : spec.functions()) {
            if (function.async().onFailureQueue() != null && graph.nodes.containsKey("fn_" + safe(function.logicalId()))) {
                graph.edge(graph.function(function.logicalId()), graph.queue(spec, function.async().onFailureQueue()), "fails after retries", true);
            }
        }
        return graph;
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    /** "source: shop.orders · detail-type: OrderPlaced, OrderCancelled": each field of a pattern and what it accepts. */
    static String patternSummary(String patternJson) {
        try {
            List<String> parts = new ArrayList<>();
            summarize("", JSON.readTree(patternJson), parts);
            return String.join(" · ", parts);
        } catch (Exception e) {
            return patternJson;
        }
    }

    private static void summarize(String prefix, JsonNode node, List<String> parts) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = prefix + field.getKey();
            if (field.getValue().isObject()) {
                summarize(name + ".", field.getValue(), parts);
            } else {
                List<String> values = new ArrayList<>();
                field.getValue().forEach(v -> values.add(v.isTextual() ? v.asText() : v.toString()));
                parts.add(name + ": " + String.join(", ", values));
            }
        }
    }

    /** The flow as a Mermaid flowchart (what {@code local-cloud diagram} prints and the README embeds). */
    public String mermaid() {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (Node node : nodes.values()) {
            String label = "\"" + node.label().replace("\"", "#quot;").replace("\n", "<br/>") + "\"";
            out.append("  ").append(node.id()).append(switch (node.kind()) {
                case "api" -> "([" + label + "])";
                case "schedule" -> "[/" + label + "/]";
                case "bus" -> "{{" + label + "}}";
                case "rule" -> "[" + label + "]";
                case "queue" -> "[(" + label + ")]";
                default -> "(" + label + ")";
            }).append('\n');
        }
        for (Edge edge : edges) {
            String arrow = edge.failure() ? " -.->" : " -->";
            String label = edge.label().isEmpty() ? "" : "|\"" + edge.label().replace("\"", "#quot;") + "\"|";
            out.append("  ").append(edge.from()).append(arrow).append(label).append(' ').append(edge.to()).append('\n');
        }
        return out.toString();
    }

    /** The same graph for the console to draw. */
    public ObjectNode json() {
        ObjectNode graph = JSON.createObjectNode();
        ArrayNode nodeList = graph.putArray("nodes");
        nodes.values().forEach(n -> nodeList.addObject().put("id", n.id()).put("kind", n.kind()).put("label", n.label()));
        ArrayNode edgeList = graph.putArray("edges");
        edges.forEach(e -> edgeList.addObject().put("from", e.from()).put("to", e.to()).put("label", e.label()).put("failure", e.failure()));
        return graph;
    }

    private String function(String logicalId) {
        return node("fn_" + safe(logicalId), "function", logicalId);
    }

    private String bus(String name) {
        return node("bus_" + safe(name), "bus", name);
    }

    private String queue(SystemSpec spec, String logicalId) {
        var queue = spec.queue(logicalId);
        return node("q_" + safe(logicalId), "queue", queue == null ? logicalId : queue.name());
    }

    private String node(String id, String kind, String label) {
        nodes.putIfAbsent(id, new Node(id, kind, label));
        return id;
    }

    private void edge(String from, String to, String label, boolean failure) {
        Edge edge = new Edge(from, to, label, failure);
        if (!edges.contains(edge)) {
            edges.add(edge);
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
