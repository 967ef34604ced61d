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
 * the rules that feed a function's queue) with event-ruler, the engine behind EventBridge patterns. A shop event
 * (source {@code shop.*}) under {@code events/<consumer-module>/} is meant for that consumer's rules and must match one of them, unless its rules refuse it by design: a {@code direct-*} sample
 * (only ever invoked directly) and, where the consumer's rules name the schema majors they ask for, a
 * {@code *-unknown-major.json} sample; those must match none of the consumer's rules. Every file meant for no rule
 * at all (API Gateway requests, schedule ticks) must match none. (order-service's folder holds both: its API requests
 * and the inventory events its own consumer reads.)
 */
class RulePatternsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = ProjectRoot.find().resolve("events");

    private final Template template = Template.load();

    @TestFactory
    Stream<DynamicTest> every_rule_pattern_compiles_and_each_consumers_rules_match_exactly_the_sample_events_meant_for_it() throws Exception {
        Map<String, String> rules = rules();
        Machine machine = Machine.builder().build();
        for (Map.Entry<String, String> rule : rules.entrySet()) {
            assertNull(RuleCompiler.check(rule.getValue()), rule.getKey() + ": pattern does not compile");
            machine.addRule(rule.getKey(), rule.getValue());
        }
        Map<String, Set<String>> rulesOf = new TreeMap<>();
        rules.forEach((rule, pattern) -> rulesOf.computeIfAbsent(module(rule), m -> new TreeSet<>()).add(rule));
        Map<String, Set<String>> matchedBy = new TreeMap<>();
        for (Path sample : samples()) {
            String relative = EVENTS.relativize(sample).toString().replace('\\', '/');
            String event = Files.readString(sample);
            matchedBy.put(relative, new TreeSet<>(machine.rulesForJSONEvent(event)));
            if (JSON.readTree(event).path("source").asText().startsWith("shop.")) {
                shopEvents.add(relative);
            }
        }
        Set<String> meantForNoRule = matchedBy.keySet().stream().filter(f -> !shopEvents.contains(f))
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(meantForNoRule.isEmpty(), "no API or schedule sample to prove that rules also reject events");
        // Consumers subscribe to the same order events, so a rule may also match another consumer's samples; what a
        // consumer's rules must match is each of its own, and what they must not is its refused ones and any sample
        // meant for no rule.
        return rulesOf.entrySet().stream().map(consumer -> DynamicTest.dynamicTest(consumer.getKey(), () -> {
            String module = consumer.getKey();
            boolean versioned = consumer.getValue().stream().anyMatch(rule -> rules.get(rule).contains("schemaVersion"));
            Set<String> own = matchedBy.keySet().stream().filter(f -> shopEvents.contains(f) && f.startsWith(module + "/"))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> refused = own.stream().filter(f -> refusedAtTheRule(f.substring(module.length() + 1), versioned))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> meant = new TreeSet<>(own);
            meant.removeAll(refused);
            assertFalse(meant.isEmpty(), module + ": no sample events in events/" + module + "/ to prove its rules with");
            Set<String> missed = new TreeSet<>(meant);
            missed.removeIf(f -> matchedBy.get(f).stream().anyMatch(consumer.getValue()::contains));
            Set<String> wronglyMatched = new TreeSet<>(meantForNoRule);
            wronglyMatched.addAll(refused);
            wronglyMatched.removeIf(f -> matchedBy.get(f).stream().noneMatch(consumer.getValue()::contains));
            assertEquals(Set.of(), missed, module + ": no rule of " + consumer.getValue() + " matches these samples meant for it");
            assertEquals(Set.of(), wronglyMatched, module + ": " + consumer.getValue() + " match these samples meant for none of them");
        }));
    }

    private static boolean refusedAtTheRule(String name, boolean versionedRules) {
        return name.startsWith("direct-") || (versionedRules && name.endsWith("-unknown-major.json"));
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
