package shop.localcloud.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import shop.localcloud.console.FlowGraph.Edge;
import shop.localcloud.console.FlowGraph.Node;
import shop.localcloud.console.FlowLayout.Band;
import shop.localcloud.console.FlowLayout.Box;
import shop.localcloud.console.FlowLayout.Column;

/**
 * Builds a {@link FlowLayout}: a function a rule invokes, directly or through a queue it reads (drawn below the rule), is a
 * consumer (right of the bus), every other one a producer (left of it); each dead-letter queue goes below every function
 * that fails into it, or whose rule or queue does; a consumer that
 * publishes points at a copy of the bus on its right instead of an arrow back across the rules, and a rule on another
 * bus than its band's gets a copy of that bus right above it instead of an arrow from another section.
 */
final class FlowLayoutBuilder {

    private final List<Node> nodes;
    private final FlowLayout.Facts facts;
    private final Map<String, String> entryTarget = new LinkedHashMap<>();

    FlowLayoutBuilder(FlowGraph graph) {
        this.nodes = graph.nodes();
        this.facts = new FlowLayout.Facts(graph);
    }

    FlowLayout build(FlowLayout layout) {
        List<String> functions = ids("function");
        List<String> consumers = functions.stream().filter(f -> !facts.rulesOf(f).isEmpty())
                .sorted(Comparator.comparingInt(f -> position(facts.rulesOf(f).get(0)))).toList();
        List<String> producers = functions.stream().filter(f -> !consumers.contains(f)).toList();

        List<String> buses = new ArrayList<>(ids("bus"));
        buses.add(null);
        for (String bus : buses) {
            List<Band> bands = new ArrayList<>();
            producers.stream().filter(p -> Objects.equals(bus, sectionOf(p, false))).forEach(p -> bands.add(producer(layout, p)));
            consumers.stream().filter(c -> Objects.equals(bus, sectionOf(c, true))).forEach(c -> bands.add(consumer(layout, c, bus)));
            if (bus != null && !bands.isEmpty()) {
                layout.add(box(bus, "bus", Column.BUS, "event bus"));
            }
            layout.section(bus, bands);
        }
        for (Band band : layout.sections().stream().flatMap(s -> s.bands().stream()).toList()) {
            links(layout, band);
        }
        return layout;
    }

    /** The bus a function's band sits by: a consumer's first rule's bus, a producer's first bus. */
    private String sectionOf(String function, boolean consumer) {
        if (consumer) {
            return facts.into(facts.rulesOf(function).get(0)).stream().map(Edge::from).filter(f -> facts.kind(f).equals("bus"))
                    .findFirst().orElse(null);
        }
        return facts.busesOf(function).stream().findFirst().orElse(null);
    }

    private Band producer(FlowLayout layout, String function) {
        Map<Column, List<String>> cells = new EnumMap<>(Column.class);
        cells.put(Column.ENTRY, entries(layout, function, Column.ENTRY, true));
        cells.put(Column.PRODUCER, functionCell(layout, function, Column.PRODUCER));
        return new Band(false, cells);
    }

    private Band consumer(FlowLayout layout, String function, String sectionBus) {
        Map<Column, List<String>> cells = new EnumMap<>(Column.class);
        List<String> triggers = new ArrayList<>();
        for (String rule : facts.rulesOf(function)) {
            for (String bus : facts.into(rule).stream().map(Edge::from).filter(b -> facts.kind(b).equals("bus") && !b.equals(sectionBus)).toList()) {
                String id = busCopy(rule, bus);
                layout.add(new Box(id, bus, "bus-copy", Column.RULE, "events from", facts.nodes.get(bus).label(), List.of()));
                triggers.add(id);
            }
            String[] label = facts.nodes.get(rule).label().split("\n", 2);
            layout.add(new Box(rule, rule, "rule", Column.RULE, "rule", label[0],
                    label.length > 1 ? Arrays.asList(label[1].split(" · ")) : List.of()));
            triggers.add(rule);
            String queue = facts.queueBetween(rule, function);
            if (queue != null && !triggers.contains(sourceBox(queue, function))) {
                layout.add(new Box(sourceBox(queue, function), queue, "source-queue", Column.RULE, "SQS queue, read in batches",
                        facts.nodes.get(queue).label(), List.of()));
                triggers.add(sourceBox(queue, function));
            }
        }
        triggers.addAll(entries(layout, function, Column.RULE, false));
        cells.put(Column.RULE, triggers);
        cells.put(Column.CONSUMER, functionCell(layout, function, Column.CONSUMER));
        List<String> returns = new ArrayList<>();
        for (String bus : facts.busesOf(function)) {
            String id = "return_" + function + "__" + bus;
            layout.add(new Box(id, bus, "bus-return", Column.RETURN, "PutEvents back on", facts.nodes.get(bus).label(), List.of()));
            returns.add(id);
        }
        cells.put(Column.RETURN, returns);
        return new Band(true, cells);
    }

    /** Boxes for the routes and schedules that start a function; a producer nothing starts is invoked directly. */
    private List<String> entries(FlowLayout layout, String function, Column column, boolean invokeWhenNone) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        facts.startersOf(function).forEach(e -> labels.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.label()));
        List<String> ids = new ArrayList<>();
        labels.forEach((source, edgeLabels) -> {
            String id = "entry_" + source + "__" + function;
            Node node = facts.nodes.get(source);
            layout.add(node.kind().equals("api") ? new Box(id, source, "api", column, "HTTP API routes", node.label(), edgeLabels)
                    : new Box(id, source, "schedule", column, "schedule", node.label(), edgeLabels));
            ids.add(id);
            entryTarget.put(id, function);
        });
        if (ids.isEmpty() && invokeWhenNone) {
            String id = "entry_invoke__" + function;
            layout.add(new Box(id, null, "invoke", column, "no trigger in the template", "Lambda Invoke",
                    List.of("by a tool or an operator")));
            ids.add(id);
            entryTarget.put(id, function);
        }
        return ids;
    }

    private List<String> functionCell(FlowLayout layout, String function, Column column) {
        layout.add(box(function, "function", column, "Lambda function"));
        List<String> cell = new ArrayList<>(List.of(function));
        for (String queue : queuesOf(function)) {
            String id = queueBox(queue, function);
            layout.add(new Box(id, queue, "queue", column, "dead-letter queue", facts.nodes.get(queue).label(), List.of()));
            cell.add(id);
        }
        return cell;
    }

    private void links(FlowLayout layout, Band band) {
        String function = band.cells().get(band.right() ? Column.CONSUMER : Column.PRODUCER).get(0);
        for (List<String> cell : band.cells().values()) {
            for (String id : cell) {
                Box box = layout.box(id);
                if (List.of("bus-return", "bus-copy", "queue").contains(box.kind())) {
                    continue; // what points at them is linked from the other end
                }
                if (entryTarget.containsKey(id)) {
                    layout.link(id, entryTarget.get(id), String.join(", ", box.lines()), false);
                    continue;
                }
                for (Edge edge : facts.outOf(box.node())) {
                    if (!box.kind().equals("source-queue") || edge.failure() || edge.to().equals(function)) {
                        layout.link(id, to(box, edge, function), edge.label(), edge.failure());
                    }
                }
            }
        }
        band.cells().getOrDefault(Column.RULE, List.of()).stream().filter(r -> layout.box(r).kind().equals("rule"))
                .forEach(rule -> facts.into(rule).forEach(e -> layout.link(layout.box(busCopy(rule, e.from())) != null
                        ? busCopy(rule, e.from()) : e.from(), rule, e.label(), e.failure())));
    }

    /**
     * The box an edge out of a function, a rule or a queue it reads points at, in {@code function}'s band: the copies of
     * the bus and of queues are the function's own.
     */
    private String to(Box from, Edge edge, String function) {
        return switch (facts.kind(edge.to())) {
            case "queue" -> edge.failure() ? queueBox(edge.to(), function) : sourceBox(edge.to(), function);
            case "bus" -> from.column() == Column.CONSUMER ? "return_" + function + "__" + edge.to() : edge.to();
            default -> edge.to();
        };
    }

    /** The queues a function, its rules or the queues it reads send failures to, in template order: right below it. */
    private List<String> queuesOf(String function) {
        List<String> queues = new ArrayList<>();
        for (String source : concat(concat(List.of(function), facts.rulesOf(function)), facts.sourceQueuesOf(function))) {
            facts.outOf(source).stream().filter(e -> e.failure() && facts.kind(e.to()).equals("queue") && !queues.contains(e.to()))
                    .forEach(e -> queues.add(e.to()));
        }
        return queues;
    }

    /** A queue a function reads, drawn below the rule that fills it. */
    private static String sourceBox(String queue, String function) {
        return "source_" + queue + "__" + function;
    }

    private static String busCopy(String rule, String bus) {
        return "copy_" + rule + "__" + bus;
    }

    /** A queue two functions share is drawn below each of them. */
    private static String queueBox(String queue, String function) {
        return queue + "__" + function;
    }

    private Box box(String id, String kind, Column column, String caption) {
        return new Box(id, id, kind, column, caption, facts.nodes.get(id).label(), List.of());
    }

    private List<String> ids(String kind) {
        return nodes.stream().filter(n -> n.kind().equals(kind)).map(Node::id).toList();
    }

    private int position(String id) {
        return ids(facts.kind(id)).indexOf(id);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
