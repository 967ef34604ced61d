package shop.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import shop.localparts.ProjectRoot;

/**
 * The stop rule of a major version of OrderPlaced, read from template.yaml: every major the producer publishes
 * ({@code ORDER_PLACED_VERSIONS}) is asked for by at least one rule, and every major a rule asks for
 * ({@code detail.metadata.schemaVersion: [{prefix: "N."}]}) is published. So the producer can stop 1.x only once no
 * rule asks for it, and a rule cannot wait for a major that is not there. A rule that takes OrderPlaced without
 * naming its majors would take every one of them, also from a replay of the archive: it is refused too.
 */
class EventVersionsTest {

    private static final String SETTING = "ORDER_PLACED_VERSIONS";

    @Test
    void every_published_major_of_OrderPlaced_has_a_rule_and_every_major_a_rule_asks_for_is_published() {
        Template template = Template.load();

        assertEquals(Set.of(1, 2), published(template), "the migration window: 1.x and 2.x side by side");
        assertEquals(Map.of("CrmFunction.OrderEvents", Set.of(1), "InventoryFunction.OrderPlacedEvents", Set.of(2)), asked(template));
        assertEquals(List.of(), problems(template));
    }

    @Test
    void dropping_1x_from_the_producer_while_crm_still_asks_for_it_is_refused() throws IOException {
        Template stopped = variant("ORDER_PLACED_VERSIONS: '1.1,2.0'", "ORDER_PLACED_VERSIONS: '2.0'");

        assertEquals(List.of("rule CrmFunction.OrderEvents asks for OrderPlaced 1.x, which the producer does not publish"
                + " (ORDER_PLACED_VERSIONS: [2])"), problems(stopped));
    }

    @Test
    void a_rule_asking_for_a_major_no_one_publishes_is_refused() throws IOException {
        Template early = variant("schemaVersion: [{ prefix: '2.' }]", "schemaVersion: [{ prefix: '3.' }]");

        assertEquals(List.of("OrderPlaced 2.x is published, but no rule asks for it",
                "rule InventoryFunction.OrderPlacedEvents asks for OrderPlaced 3.x, which the producer does not publish"
                        + " (ORDER_PLACED_VERSIONS: [1, 2])"), problems(early));
    }

    @Test
    void a_rule_that_takes_OrderPlaced_without_naming_its_majors_is_refused() throws IOException {
        String crmVersions = """
                              detail-type: [OrderPlaced, OrderConfirmed, OrderRejected, OrderCancelled, ParcelShipped]
                              detail:
                                metadata:
                                  schemaVersion: [{ prefix: '1.' }]
                """;
        Template unversioned = variant(crmVersions, "              detail-type: [OrderPlaced, OrderConfirmed, OrderRejected,"
                + " OrderCancelled, ParcelShipped]\n");

        assertEquals(List.of("OrderPlaced 1.x is published, but no rule asks for it",
                "rule CrmFunction.OrderEvents takes OrderPlaced of every major (also 3.x, and every one a replay brings):"
                        + " name the majors it reads in detail.metadata.schemaVersion"), problems(unversioned));
    }

    /** What breaks the stop rule in {@code template}, each as a sentence; empty when it holds. */
    static List<String> problems(Template template) {
        Set<Integer> published = published(template);
        Map<String, Set<Integer>> asked = asked(template);
        List<String> problems = new ArrayList<>();
        Set<Integer> askedAtAll = new TreeSet<>();
        asked.values().forEach(askedAtAll::addAll);
        for (int major : published) {
            if (!askedAtAll.contains(major)) {
                problems.add("OrderPlaced " + major + ".x is published, but no rule asks for it");
            }
        }
        asked.forEach((rule, majors) -> {
            if (majors.isEmpty()) {
                problems.add("rule " + rule + " takes OrderPlaced of every major (also 3.x, and every one a replay brings):"
                        + " name the majors it reads in detail.metadata.schemaVersion");
            }
            for (int major : majors) {
                if (!published.contains(major)) {
                    problems.add("rule " + rule + " asks for OrderPlaced " + major + ".x, which the producer does not publish"
                            + " (" + SETTING + ": " + published + ")");
                }
            }
        });
        return problems;
    }

    /** The majors of the OrderPlaced versions the functions that set {@code ORDER_PLACED_VERSIONS} publish. */
    static Set<Integer> published(Template template) {
        Set<Integer> majors = new TreeSet<>();
        for (String id : template.ofType("AWS::Serverless::Function").keySet()) {
            Object versions = Template.map(Template.map(template.properties(id).get("Environment")).get("Variables")).get(SETTING);
            if (versions != null) {
                for (String version : String.valueOf(versions).split(",")) {
                    majors.add(Integer.parseInt(version.strip().substring(0, version.strip().indexOf('.'))));
                }
            }
        }
        return majors;
    }

    /** Each rule that takes OrderPlaced of shop.orders, with the majors it asks for (empty: it names none, so takes all). */
    static Map<String, Set<Integer>> asked(Template template) {
        Map<String, Set<Integer>> asked = new TreeMap<>();
        for (String id : template.ofType("AWS::Serverless::Function").keySet()) {
            template.events(id, "EventBridgeRule").forEach((name, rule) -> {
                Map<String, Object> pattern = Template.map(rule.get("Pattern"));
                if (admits(pattern, "source", "shop.orders") && admits(pattern, "detail-type", "OrderPlaced")) {
                    asked.put(id + "." + name, majors(pattern));
                }
            });
        }
        template.ofType("AWS::Events::Rule").keySet().forEach(id -> {
            Map<String, Object> pattern = Template.map(template.properties(id).get("EventPattern"));
            if (admits(pattern, "source", "shop.orders") && admits(pattern, "detail-type", "OrderPlaced")) {
                asked.put(id, majors(pattern));
            }
        });
        return asked;
    }

    private static boolean admits(Map<String, Object> pattern, String field, String value) {
        return !pattern.containsKey(field) || Template.list(pattern.get(field)).contains(value);
    }

    private static Set<Integer> majors(Map<String, Object> pattern) {
        Set<Integer> majors = new TreeSet<>();
        Object versions = Template.map(Template.map(Template.map(pattern.get("detail")).get("metadata"))).get("schemaVersion");
        for (Object matcher : Template.list(versions)) {
            String prefix = String.valueOf(Template.map(matcher).get("prefix"));
            if (!prefix.matches("[0-9]+\\.")) {
                throw new IllegalArgumentException("a rule asks for OrderPlaced by schemaVersion prefix \"N.\", not " + matcher);
            }
            majors.add(Integer.parseInt(prefix.substring(0, prefix.length() - 1)));
        }
        return majors;
    }

    private static Template variant(String text, String replacement) throws IOException {
        String yaml = Files.readString(ProjectRoot.find().resolve("template.yaml"));
        assertEquals(1, yaml.split(java.util.regex.Pattern.quote(text), -1).length - 1, "template.yaml holds once: " + text);
        return Template.parse(yaml.replace(text, replacement));
    }
}
