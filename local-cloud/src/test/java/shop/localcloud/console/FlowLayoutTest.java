package shop.localcloud.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.cloudformation.Template;
import shop.localcloud.console.FlowGraph.Edge;
import shop.localcloud.console.FlowGraph.Node;
import shop.localcloud.console.FlowLayout.Band;
import shop.localcloud.console.FlowLayout.Box;
import shop.localcloud.console.FlowLayout.Column;
import shop.localcloud.console.FlowLayout.Link;
import shop.localparts.ProjectRoot;

/**
 * The console's flow layout keeps its promises, on today's template and on a bigger one made up here: every box and
 * arrow of the graph drawn, each arrow from a column to the next (none back across the drawing), each dead-letter
 * queue right below its function (below each, when functions share one), producers left of the bus and consumers right
 * of it.
 */
class FlowLayoutTest {

    private static final SystemSpec SPEC = Template.load(ProjectRoot.find().resolve("template.yaml"), Map.of(), "http://sqs.local");

    @Test
    void todays_template_is_laid_out_as_promised() {
        assertKeepsItsPromises(FlowGraph.of(SPEC));
    }

    @Test
    void a_consumer_that_publishes_points_at_a_copy_of_the_bus_on_its_right_not_back_across_the_rules() {
        FlowLayout layout = FlowLayout.of(FlowGraph.of(SPEC));

        for (String consumer : List.of("fn_InventoryFunction", "fn_StockDecisionFunction")) {
            assertEquals(Column.CONSUMER, layout.box(consumer).column(), consumer);
            Link back = layout.links().stream().filter(l -> l.from().equals(consumer) && l.label().equals("PutEvents")).findFirst().orElseThrow();
            assertEquals(Column.RETURN, layout.box(back.to()).column(), consumer);
            assertEquals("bus_shop_dev_bus", layout.box(back.to()).node(), consumer);
        }
    }

    @Test
    void a_producer_nothing_in_the_template_starts_is_shown_as_invoked_directly() {
        FlowLayout layout = FlowLayout.of(FlowGraph.of(SPEC));

        Link start = layout.links().stream().filter(l -> l.to().equals("fn_ShipParcelFunction") && layout.box(l.from()).kind().equals("invoke"))
                .findFirst().orElseThrow();
        assertEquals(Column.ENTRY, layout.box(start.from()).column());
        assertEquals(Column.PRODUCER, layout.box("fn_ShipParcelFunction").column());
    }

    @Test
    void a_template_of_forty_functions_on_three_buses_is_laid_out_as_promised(@TempDir Path dir) throws Exception {
        SystemSpec big = Template.load(Files.writeString(dir.resolve("template.yaml"), bigTemplate(16, 24)), Map.of(), "http://sqs.local");
        assertEquals(40, big.functions().size());

        FlowGraph graph = FlowGraph.of(big);
        assertKeepsItsPromises(graph);
        FlowLayout layout = FlowLayout.of(graph);
        assertEquals(List.of("bus_a_bus", "bus_b_bus"), layout.sections().stream().map(s -> s.bus()).toList(), "a section per bus with bands");
        List<Box> cBus = layout.boxes().stream().filter(box -> "bus_c_bus".equals(box.node())).toList();
        assertEquals(big.rules().stream().filter(r -> r.busName().equals("c-bus")).count(), cBus.size(), cBus.toString());
        assertTrue(cBus.stream().allMatch(box -> box.kind().equals("bus-copy") && box.column() == Column.RULE),
                "a bus only second rules hang on is drawn as a copy above each of them: " + cBus);
    }

    static void assertKeepsItsPromises(FlowGraph graph) {
        FlowLayout layout = FlowLayout.of(graph);
        Map<String, Node> nodes = graph.nodes().stream().collect(Collectors.toMap(Node::id, n -> n));
        Set<String> ruleTargets = graph.edges().stream().filter(e -> nodes.get(e.from()).kind().equals("rule") && !e.failure())
                .map(Edge::to).collect(Collectors.toSet());
        // a function that reads a queue a rule fills is a rule's target too, one step further
        graph.edges().stream().filter(e -> !e.failure() && ruleTargets.contains(e.from()) && nodes.get(e.from()).kind().equals("queue"))
                .forEach(e -> ruleTargets.add(e.to()));

        Map<String, List<String>> cellOf = new HashMap<>();
        for (Band band : layout.sections().stream().flatMap(s -> s.bands().stream()).toList()) {
            band.cells().forEach((column, cell) -> cell.forEach(id -> {
                assertEquals(column, layout.box(id).column(), id + " is drawn in its own column");
                assertTrue(cellOf.put(id, cell) == null, id + " is drawn once");
            }));
        }
        assertEquals(layout.boxes().stream().filter(b -> b.column() != Column.BUS).count(), cellOf.size(), "every box is in a band");

        for (Node node : graph.nodes()) {
            List<Box> drawn = layout.boxes().stream().filter(b -> node.id().equals(b.node())).toList();
            assertTrue(!drawn.isEmpty(), node.id() + " is drawn");
            if (Set.of("function", "rule").contains(node.kind())) {
                assertEquals(1, drawn.size(), node.id() + " is drawn once");
            }
        }
        for (Node function : graph.nodes().stream().filter(n -> n.kind().equals("function")).toList()) {
            assertEquals(ruleTargets.contains(function.id()) ? Column.CONSUMER : Column.PRODUCER, layout.box(function.id()).column(),
                    function.id() + ": consumers right of the rules, every other function left of the bus");
        }
        for (Edge edge : graph.edges()) {
            assertTrue(layout.links().stream().anyMatch(l -> edge.from().equals(layout.box(l.from()).node())
                    && edge.to().equals(layout.box(l.to()).node())), "the edge " + edge + " is drawn");
        }
        for (Link link : layout.links()) {
            Box from = layout.box(link.from());
            Box to = layout.box(link.to());
            int step = to.column().ordinal() - from.column().ordinal();
            assertTrue(step == 1 || step == 0 && from.column() != Column.BUS && Objects.equals(cellOf.get(link.from()), cellOf.get(link.to())),
                    link + " joins a column to the next one, or a function to its queue below it");
        }
        for (Box queue : layout.boxes().stream().filter(b -> b.kind().equals("queue")).toList()) {
            List<String> cell = cellOf.get(queue.id());
            String function = cell.get(0);
            assertEquals("function", layout.box(function).kind(), queue.id() + " is below a function");
            assertTrue(graph.edges().stream().anyMatch(e -> e.to().equals(queue.node()) && (e.from().equals(function)
                    || feeds(graph, e.from(), function))),
                    queue.id() + " is below " + function + ", which fails into it or whose rule or queue does");
        }
        for (Box source : layout.boxes().stream().filter(b -> b.kind().equals("source-queue")).toList()) {
            List<String> cell = cellOf.get(source.id());
            int at = cell.indexOf(source.id());
            assertTrue(at > 0 && layout.box(cell.get(at - 1)).kind().equals("rule"), source.id() + " is right below a rule that fills it");
            assertTrue(graph.edges().stream().anyMatch(e -> e.from().equals(cell.get(at - 1)) && e.to().equals(source.node())),
                    source.id() + " is filled by the rule above it");
        }
    }

    /** Whether {@code from} hands what it gets to {@code function}: directly, or through a queue the function reads. */
    private static boolean feeds(FlowGraph graph, String from, String function) {
        return graph.edges().stream().filter(e -> !e.failure() && e.from().equals(from))
                .anyMatch(e -> e.to().equals(function) || graph.edges().stream().anyMatch(q -> !q.failure() && q.from().equals(e.to())
                        && q.to().equals(function) && graph.nodes().stream().anyMatch(n -> n.id().equals(e.to()) && n.kind().equals("queue"))));
    }

    /**
     * Producers started by a route, a schedule or nothing, on one of two buses; consumers with one rule or two (the
     * second on the other bus, or on a third bus nothing else uses), every third publishing too, two of them sharing a
     * dead-letter queue, every fifth reading a queue its rule fills (the queue redriving to its dead-letter queue).
     */
    static String bigTemplate(int producers, int consumers) {
        StringBuilder yaml = new StringBuilder("""
                Resources:
                  BusA:
                    Type: AWS::Events::EventBus
                    Properties: { Name: a-bus }
                  BusB:
                    Type: AWS::Events::EventBus
                    Properties: { Name: b-bus }
                  BusC:
                    Type: AWS::Events::EventBus
                    Properties: { Name: c-bus }
                  SharedQueue:
                    Type: AWS::SQS::Queue
                    Properties: { QueueName: shared-dlq }
                """);
        for (int i = 0; i < producers; i++) {
            String bus = i % 2 == 0 ? "BusA" : "BusB";
            String trigger = switch (i % 3) {
                case 0 -> "      Events:\n        Call:\n          Type: HttpApi\n          Properties: { Path: /p" + i + ", Method: POST }\n";
                case 1 -> "      Events:\n        Tick:\n          Type: Schedule\n          Properties: { Schedule: rate(1 minute) }\n";
                default -> "";
            };
            yaml.append(function("Producer" + i, bus, "Producer" + i + "Queue")).append(trigger).append(queue("Producer" + i + "Queue"));
        }
        for (int i = 0; i < consumers; i++) {
            String own = i < 2 ? "SharedQueue" : "Consumer" + i + "Queue";
            String bus = i % 2 == 0 ? "BusA" : "BusB";
            boolean queued = i % 5 == 3;
            yaml.append(function("Consumer" + i, i % 3 == 0 ? bus : null, own)).append("      Events:\n")
                    .append(queued ? sqsEvent("Consumer" + i + "Work") : rule("Orders", bus, own, i));
            if (i % 4 == 0) {
                yaml.append(rule("Others", i % 8 == 4 ? "BusC" : bus.equals("BusA") ? "BusB" : "BusA", own, i));
            }
            if (i >= 2) {
                yaml.append(queue(own));
            }
            if (queued) {
                yaml.append(queueRule("Consumer" + i, bus, own, i));
            }
        }
        return yaml.toString();
    }

    private static String function(String id, String bus, String queue) {
        List<String> lines = new ArrayList<>(List.of("  " + id + ":", "    Type: AWS::Serverless::Function", "    Properties:",
                "      CodeUri: fn.jar", "      Handler: a.B::handleRequest"));
        if (bus != null) {
            lines.add("      Environment: { Variables: { EVENT_BUS_NAME: !Ref " + bus + " } }");
        }
        lines.add("      EventInvokeConfig: { DestinationConfig: { OnFailure: { Type: SQS, Destination: !GetAtt " + queue + ".Arn } } }");
        return String.join("\n", lines) + "\n";
    }

    private static String rule(String name, String bus, String queue, int i) {
        return "        " + name + ":\n          Type: EventBridgeRule\n          Properties:\n            EventBusName: !Ref " + bus + "\n"
                + "            Pattern: { source: [shop.s" + i + "], detail-type: [Thing" + i + "Happened, Thing" + i + "Undone] }\n"
                + "            DeadLetterConfig: { Arn: !GetAtt " + queue + ".Arn }\n";
    }

    private static String sqsEvent(String queue) {
        return "        Work:\n          Type: SQS\n          Properties: { Queue: !GetAtt " + queue + ".Arn, BatchSize: 10 }\n";
    }

    /** A queue that redrives to {@code deadLetters}, and a rule (an AWS::Events::Rule) that fills it. */
    private static String queueRule(String consumer, String bus, String deadLetters, int i) {
        return "  " + consumer + "Work:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: " + consumer.toLowerCase(Locale.ROOT)
                + "-work\n      RedrivePolicy: { deadLetterTargetArn: !GetAtt " + deadLetters + ".Arn, maxReceiveCount: 5 }\n"
                + "  " + consumer + "Rule:\n    Type: AWS::Events::Rule\n    Properties:\n      EventBusName: !Ref " + bus + "\n"
                + "      EventPattern: { source: [shop.s" + i + "], detail-type: [Thing" + i + "Happened, Thing" + i + "Undone] }\n"
                + "      Targets:\n        - Id: Work\n          Arn: !GetAtt " + consumer + "Work.Arn\n"
                + "          DeadLetterConfig: { Arn: !GetAtt " + deadLetters + ".Arn }\n";
    }

    private static String queue(String id) {
        return "  " + id + ":\n    Type: AWS::SQS::Queue\n    Properties: { QueueName: " + id.toLowerCase(Locale.ROOT) + " }\n";
    }
}
