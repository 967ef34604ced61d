package shop.localcloud.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shop.localcloud.QueueTemplate;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.cloudformation.Template;
import shop.localcloud.console.FlowLayout.Box;
import shop.localcloud.console.FlowLayout.Column;

/** A queue between a rule and the function that reads it is drawn between them: in the diagram and in the console. */
class QueueFlowTest {

    @Test
    void rule_queue_function_is_drawn_in_that_order_with_the_queues_dead_letter_queue_below_the_function(@TempDir Path dir) throws Exception {
        String template = QueueTemplate.TEMPLATE.replace("JAR", "fn.jar").replace("DIR", dir.toString());
        // gone-queue, which no function of the template reads, has no band of the console to stand in (the diagram has it)
        SystemSpec spec = Template.load(Files.writeString(dir.resolve("template.yaml"), template.substring(0, template.indexOf("  GoneQueue:"))),
                Map.of(), "http://sqs.local");
        FlowGraph graph = FlowGraph.of(spec);

        String mermaid = graph.mermaid();
        assertTrue(mermaid.contains("q_WorkQueue[(\"work-queue\")]"), mermaid);
        assertTrue(mermaid.contains("rule_WorkRule -->|\"SendMessage\"| q_WorkQueue"), mermaid);
        assertTrue(mermaid.contains("q_WorkQueue -->|\"batches of 5\"| fn_WorkFunction"), mermaid);
        assertTrue(mermaid.contains("q_WorkQueue -.->|\"after 3 receives\"| q_WorkDeadLetterQueue"), mermaid);
        assertTrue(mermaid.contains("rule_WorkRule -.->|\"cannot deliver\"| q_RuleDeadLetterQueue"), mermaid);
        assertTrue(mermaid.contains("q_SlowQueue -->|\"batches of 1\"| fn_SlowFunction"), mermaid);

        FlowLayoutTest.assertKeepsItsPromises(graph);
        FlowLayout layout = FlowLayout.of(graph);
        Box queue = layout.box("source_q_WorkQueue__fn_WorkFunction");
        assertEquals(Column.RULE, queue.column(), "the queue stands below its rule, left of the function");
        assertEquals(Column.CONSUMER, layout.box("fn_WorkFunction").column());
        assertTrue(layout.links().stream().anyMatch(l -> l.from().equals("rule_WorkRule") && l.to().equals(queue.id())), layout.links().toString());
        assertTrue(layout.links().stream().anyMatch(l -> l.from().equals(queue.id()) && l.to().equals("fn_WorkFunction")), layout.links().toString());
        assertTrue(layout.links().stream().anyMatch(l -> l.from().equals(queue.id()) && l.failure()
                && layout.box(l.to()).node().equals("q_WorkDeadLetterQueue")), "the redrive drawn to the DLQ below the function");
        JsonNode rule = Console.flowJson(spec).path("rules").path(0);
        assertEquals("WorkRule", rule.path("name").asText());
        assertEquals("queue work-queue", rule.path("function").asText(), "the console's table of rules names the queue as the target");
        assertEquals("rule-dlq", rule.path("deadLetterQueue").asText());
    }
}
