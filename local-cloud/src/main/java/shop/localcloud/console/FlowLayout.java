package shop.localcloud.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shop.localcloud.console.FlowGraph.Edge;
import shop.localcloud.console.FlowGraph.Node;

/**
 * Where the console draws each box of the flow, computed from the template's graph (never placed by hand): columns
 * left to right (what starts a function, the functions that publish, the bus, the rules, the functions the rules
 * invoke, and the way back to the bus of those that publish too). Each function is a band with what starts it and its
 * dead-letter queues right below it, so every arrow joins a column to the next one and none crosses the drawing.
 * Pixels are the browser's business: it measures the text and stacks the bands (console.js).
 */
final class FlowLayout {

    /** The columns, left to right; {@code title} heads the column in the console. */
    enum Column {
        ENTRY("what starts them"), PRODUCER("functions that publish"), BUS("bus"), RULE("rules (and other triggers)"),
        CONSUMER("functions the rules invoke"), RETURN("and publish to");

        final String title;

        Column(String title) {
            this.title = title;
        }
    }

    /** A box: {@code node} is the graph node it draws (an entry point or the bus may be drawn more than once). */
    record Box(String id, String node, String kind, Column column, String caption, String title, List<String> lines) {
    }

    /** An arrow between two boxes, standing for the graph edge {@code from -> to} of their nodes. */
    record Link(String from, String to, String label, boolean failure) {
    }

    /** One function with what starts it and its queues: the boxes of each column, top to bottom. */
    record Band(boolean right, Map<Column, List<String>> cells) {
    }

    /** The bands around one bus (null: functions that touch no bus), drawn one section after the other. */
    record Section(String bus, List<Band> bands) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Box> boxes = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    private FlowLayout() {
    }

    static FlowLayout of(FlowGraph graph) {
        return new FlowLayoutBuilder(graph).build(new FlowLayout());
    }

    List<Box> boxes() {
        return List.copyOf(boxes.values());
    }

    Box box(String id) {
        return boxes.get(id);
    }

    List<Link> links() {
        return List.copyOf(links);
    }

    List<Section> sections() {
        return List.copyOf(sections);
    }

    /** The layout for the console: columns, boxes with their text, sections of bands (box ids per column), links. */
    ObjectNode json() {
        ObjectNode layout = JSON.createObjectNode();
        ArrayNode columns = layout.putArray("columns");
        for (Column column : Column.values()) {
            columns.addObject().put("key", key(column)).put("title", column.title);
        }
        ArrayNode boxList = layout.putArray("boxes");
        for (Box box : boxes.values()) {
            ObjectNode b = boxList.addObject().put("id", box.id()).put("node", box.node()).put("kind", box.kind())
                    .put("column", key(box.column())).put("caption", box.caption()).put("title", box.title());
            box.lines().forEach(b.putArray("lines")::add);
        }
        ArrayNode sectionList = layout.putArray("sections");
        for (Section section : sections) {
            ObjectNode s = sectionList.addObject().put("bus", section.bus());
            ArrayNode bands = s.putArray("bands");
            for (Band band : section.bands()) {
                ObjectNode b = bands.addObject().put("side", band.right() ? "right" : "left");
                ObjectNode cells = b.putObject("cells");
                band.cells().forEach((column, ids) -> ids.forEach(cells.putArray(key(column))::add));
            }
        }
        ArrayNode linkList = layout.putArray("links");
        links.forEach(l -> linkList.addObject().put("from", l.from()).put("to", l.to()).put("label", l.label()).put("failure", l.failure()));
        return layout;
    }

    private static String key(Column column) {
        return column.name().toLowerCase(java.util.Locale.ROOT);
    }

    void add(Box box) {
        boxes.putIfAbsent(box.id(), box);
    }

    void link(String from, String to, String label, boolean failure) {
        Link link = new Link(from, to, label, failure);
        if (!links.contains(link)) {
            links.add(link);
        }
    }

    void section(String bus, List<Band> bands) {
        if (!bands.isEmpty()) {
            sections.add(new Section(bus, List.copyOf(bands)));
        }
    }

    /** The graph facts the layout is made of: who starts, publishes to and is invoked by what. */
    static final class Facts {
        final Map<String, Node> nodes = new LinkedHashMap<>();
        final Map<String, List<Edge>> into = new LinkedHashMap<>();
        final Map<String, List<Edge>> outOf = new LinkedHashMap<>();

        Facts(FlowGraph graph) {
            graph.nodes().forEach(n -> nodes.put(n.id(), n));
            for (Edge edge : graph.edges()) {
                into.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge);
                outOf.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge);
            }
        }

        String kind(String id) {
            return nodes.get(id).kind();
        }

        List<Edge> into(String id) {
            return into.getOrDefault(id, List.of());
        }

        List<Edge> outOf(String id) {
            return outOf.getOrDefault(id, List.of());
        }

        /** The rules that invoke a function, directly or through a queue it reads, in template order. */
        List<String> rulesOf(String function) {
            List<String> rules = new ArrayList<>();
            for (Edge edge : into(function)) {
                List<String> from = kind(edge.from()).equals("rule") ? List.of(edge.from()) : !sourceQueuesOf(function).contains(edge.from())
                        ? List.of() : into(edge.from()).stream().filter(e -> !e.failure() && kind(e.from()).equals("rule")).map(Edge::from).toList();
                from.stream().filter(rule -> !rules.contains(rule)).forEach(rules::add);
            }
            return rules;
        }

        /** The queues a function reads (an event source mapping: an arrow from the queue that is not a failure). */
        List<String> sourceQueuesOf(String function) {
            return into(function).stream().filter(e -> !e.failure() && kind(e.from()).equals("queue")).map(Edge::from).toList();
        }

        /** The queue through which a rule reaches a function, or null when it invokes the function directly. */
        String queueBetween(String rule, String function) {
            return sourceQueuesOf(function).stream().filter(q -> into(q).stream().anyMatch(e -> e.from().equals(rule) && !e.failure()))
                    .findFirst().orElse(null);
        }

        /** Routes and schedules that start a function. */
        List<Edge> startersOf(String function) {
            return into(function).stream().filter(e -> kind(e.from()).equals("api") || kind(e.from()).equals("schedule")).toList();
        }

        Set<String> busesOf(String function) {
            Set<String> buses = new LinkedHashSet<>();
            outOf(function).stream().filter(e -> kind(e.to()).equals("bus")).forEach(e -> buses.add(e.to()));
            return buses;
        }
    }
}
