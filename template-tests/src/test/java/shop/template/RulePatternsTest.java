package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import shop.localparts.ProjectRoot;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.RuleCompiler;

/**
 * Routes every sample event of {@code events/} through the template's rules (a function's EventBridgeRule events, and
 * the rules that feed a function's queue) with event-ruler, the engine behind EventBridge patterns. A shop event (source {@code shop.*}) under {@code events/<consumer-module>/} whose name does
 * not start with {@code direct-} is meant for that consumer's rule and must match it; every file meant for no rule
 * (API Gateway requests, schedule ticks, direct-only events) must match none. (order-service's folder holds both:
 * its API requests and the inventory events its own consumer reads.)
 */
class RulePatternsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = ProjectRoot.find().resolve("events");

    private final Template template = Template.load();

    @TestFactory
    Stream<DynamicTest> every_rule_pattern_compiles_and_matches_exactly_the_sample_events_meant_for_it() throws Exception {
        Map<String, String> rules = rules();
        Machine machine = Machine.builder().build();
        for (Map.Entry<String, String> rule : rules.entrySet()) {
            assertNull(RuleCompiler.check(rule.getValue()), rule.getKey() + ": pattern does not compile");
            machine.addRule(rule.getKey(), rule.getValue());
        }
        Set<String> consumers = rules.keySet().stream().map(RulePatternsTest::module).collect(Collectors.toSet());
        Map<String, Set<String>> matchedBy = new TreeMap<>();
        for (Path sample : samples()) {
            String relative = EVENTS.relativize(sample).toString().replace('\\', '/');
            String event = Files.readString(sample);
            matchedBy.put(relative, new TreeSet<>(machine.rulesForJSONEvent(event)));
            if (JSON.readTree(event).path("source").asText().startsWith("shop.")) {
                shopEvents.add(relative);
            }
        }
        Set<String> meantForNoRule = matchedBy.keySet().stream()
                .filter(f -> consumers.stream().noneMatch(c -> isMeantFor(f, c))).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(meantForNoRule.isEmpty(), "no direct-* or API sample to prove that rules also reject events");
        // Every consumer subscribes to the same order events, so a rule may also match another consumer's
        // samples; what it must match is each of its own, and what it must not is any sample meant for no rule.
        return rules.keySet().stream().map(rule -> DynamicTest.dynamicTest(rule, () -> {
            Set<String> meant = matchedBy.keySet().stream().filter(f -> isMeantFor(f, module(rule)))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertFalse(meant.isEmpty(), rule + ": no sample events in events/" + module(rule) + "/ to prove the rule with");
            Set<String> missed = new TreeSet<>(meant);
            missed.removeIf(f -> matchedBy.get(f).contains(rule));
            Set<String> wronglyMatched = new TreeSet<>(meantForNoRule);
            wronglyMatched.removeIf(f -> !matchedBy.get(f).contains(rule));
            assertEquals(Set.of(), missed, rule + " does not match these samples meant for it");
            assertEquals(Set.of(), wronglyMatched, rule + " matches these samples meant for no rule");
        }));
    }

    private static String module(String rule) {
        return rule.substring(0, rule.indexOf(':'));
    }

    @Test
    void the_archive_keeps_every_sample_event_that_some_rule_routes() throws Exception {
        Map<String, Object> archive = template.properties("OrderEventArchive");
        Machine machine = Machine.builder().build();
        machine.addRule("archive", JSON.writeValueAsString(archive.get("EventPattern")));
        Machine rules = Machine.builder().build();
        for (Map.Entry<String, String> rule : rules().entrySet()) {
            rules.addRule(rule.getKey(), rule.getValue());
        }
        for (Path sample : samples()) {
            String event = Files.readString(sample);
            if (!rules.rulesForJSONEvent(event).isEmpty()) {
                assertEquals(1, machine.rulesForJSONEvent(event).size(), sample + " would be missing from the archive");
            }
        }
    }

    /**
     * Each EventBridgeRule event of each function, named {@code <module>:<function>.<event>}, and each rule that feeds a
     * queue a function reads (notification's), named {@code <module>:<rule>} after the module of that function; as JSON.
     */
    private Map<String, String> rules() throws IOException {
        Map<String, String> rules = new TreeMap<>();
        for (String id : template.ofType("AWS::Serverless::Function").keySet()) {
            for (Map.Entry<String, Map<String, Object>> event : template.events(id, "EventBridgeRule").entrySet()) {
                rules.put(template.module(id) + ":" + id + "." + event.getKey(),
                        JSON.writeValueAsString(event.getValue().get("Pattern")));
            }
        }
        for (String rule : template.ofType("AWS::Events::Rule").keySet()) {
            Set<String> readers = Template.list(template.properties(rule).get("Targets")).stream()
                    .map(target -> template.readerOf(Template.target(Template.map(target).get("Arn"))))
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            assertEquals(1, readers.size(), rule + " feeds no queue a function reads, or several: its samples would be unknown");
            rules.put(template.module(readers.iterator().next()) + ":" + rule,
                    JSON.writeValueAsString(template.properties(rule).get("EventPattern")));
        }
        return rules;
    }

    /** The samples whose source is a shop context: only those are meant for a rule. */
    private final Set<String> shopEvents = new TreeSet<>();

    private boolean isMeantFor(String relative, String module) {
        return shopEvents.contains(relative) && relative.startsWith(module + "/")
                && !relative.substring(module.length() + 1).startsWith("direct-");
    }

    private static Set<Path> samples() {
        try (Stream<Path> files = Files.walk(EVENTS)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !EVENTS.relativize(f).startsWith("schemas"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
