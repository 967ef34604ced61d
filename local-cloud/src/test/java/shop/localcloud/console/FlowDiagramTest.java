package shop.localcloud.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shop.localcloud.cli.Main;
import shop.localcloud.cloudformation.Model.RuleSpec;
import shop.localcloud.cloudformation.Model.SystemSpec;
import shop.localcloud.cloudformation.Template;
import shop.localparts.ProjectRoot;

/** The README's flow picture is what the template describes today: regenerate it with ./local-cloud/run diagram. */
class FlowDiagramTest {

    private static final Path ROOT = ProjectRoot.find();
    private static final SystemSpec SPEC = Template.load(ROOT.resolve("template.yaml"), Map.of(), "http://sqs.local");

    @Test
    void the_readme_embeds_the_diagram_the_template_gives() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int begin = readme.indexOf("```mermaid\n", readme.indexOf("<!-- flow-diagram:begin"));
        int end = readme.indexOf("```\n<!-- flow-diagram:end -->");
        assertTrue(begin > 0 && end > begin, "README.md has the flow-diagram markers around a mermaid block");

        assertEquals(FlowGraph.of(SPEC).mermaid(), readme.substring(begin + "```mermaid\n".length(), end),
                "template.yaml changed: run ./local-cloud/run diagram and paste its output into README.md's flow-diagram block");
    }

    @Test
    void the_diagram_command_prints_it() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"diagram"}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
        assertEquals(FlowGraph.of(SPEC).mermaid(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void every_rule_of_the_template_is_drawn_between_its_bus_and_its_function_or_the_queue_a_function_reads() {
        String mermaid = FlowGraph.of(SPEC).mermaid();
        List<RuleSpec> rules = SPEC.rules();
        assertTrue(!rules.isEmpty());
        for (RuleSpec rule : rules) {
            String id = "rule_" + rule.name().replaceAll("[^A-Za-z0-9_]", "_");
            assertTrue(mermaid.contains("bus_" + rule.busName().replaceAll("[^A-Za-z0-9_]", "_") + " --> " + id), rule.name());
            if (rule.targetsQueue()) {
                String queue = "q_" + rule.queueId().replaceAll("[^A-Za-z0-9_]", "_");
                assertTrue(mermaid.contains(id + " -->|\"SendMessage\"| " + queue), rule.name());
                SPEC.queueSources().stream().filter(s -> s.queueId().equals(rule.queueId())).forEach(source ->
                        assertTrue(mermaid.contains(queue + " -->|\"batches of " + source.batchSize() + "\"| fn_" + source.functionId()), source.name()));
            } else {
                assertTrue(mermaid.contains(id + " --> fn_" + rule.functionId()), rule.name());
            }
        }
    }

    @Test
    void a_pattern_is_summarised_field_by_field() {
        assertEquals("source: shop.orders · detail.kind: a, b · detail.total: {\"numeric\":[\">\",1]}",
                FlowGraph.patternSummary("{\"source\":[\"shop.orders\"],\"detail\":{\"kind\":[\"a\",\"b\"],\"total\":[{\"numeric\":[\">\",1]}]}}"));
    }
}
