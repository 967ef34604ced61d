package shop.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import shop.localparts.ProjectRoot;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 23: a replay of the whole archive across OrderPlaced's versions. Last year: the order context published
 * OrderPlaced 1.0 only and inventory's rule took OrderPlaced 1.x. Today (template.yaml): each placed order owes 1.1 and
 * 2.0, inventory's rule asks for 2.x, crm's for 1.x. Run A places and cancels orders last year's way; the system is
 * started again on the same data folder with today's template (the archive survives the restart; local-cloud keeps its
 * tables in memory, so the test carries every item across, as a deployment in AWS keeps its tables); run B places and
 * cancels more orders; then the whole archive, both years, is replayed to every rule.
 */
class VersionReplayTest {

    static final int ORDERS = Workload.size("versionReplayOrders", 12);
    static final String NAME = "version-replay";
    static final String REPLAY = "across-versions";
    private static final List<String> TABLES = List.of("OrdersTable", "PriceListTable", "InventoryTable", "PackageTable",
            "NotificationTable", "CrmTable");

    @Test
    void replaying_last_years_1_0_events_and_todays_1_1_and_2_0_through_todays_rules_changes_nothing_and_dead_letters_nothing()
            throws Exception {
        Instant started = Instant.now().minusSeconds(2);
        Cohort lastYear = new Cohort("V1", Workload.orders(ORDERS, 23));
        Map<String, List<Map<String, AttributeValue>>> tables = new LinkedHashMap<>();
        Path lastYearsTemplate = lastYearsTemplate();
        long t0 = System.nanoTime();
        try (Scenario scenario = Scenario.start(NAME, options -> options.withTemplate(lastYearsTemplate)
                .withEnvironment("OrderApiFunction", "ORDER_PLACED_VERSIONS", "1.0"))) {
            run(scenario, lastYear);
            assertEquals(List.of("1.0"), versionsOf(scenario, lastYear), "last year's producer published OrderPlaced 1.0 only");
            appliedOnce(scenario, lastYear);
            assertUnitsOnTimeline(scenario, lastYear, false);
            assertNoDeadLetters(scenario);
            TABLES.forEach(table -> tables.put(table, scenario.scan(table)));
        }
        long t1 = System.nanoTime();

        try (Scenario scenario = Scenario.restart(NAME, options -> options)) {
            tables.forEach((table, items) -> items.forEach(item -> scenario.cloud.dynamo()
                    .putItem(b -> b.tableName(scenario.table(table)).item(item))));
            Cohort today = new Cohort("V2", Workload.orders(ORDERS, 29));
            run(scenario, today);
            assertEquals(List.of("1.0"), versionsOf(scenario, lastYear), "the archive still holds last year's events");
            assertEquals(List.of("1.1", "2.0"), versionsOf(scenario, today), "today's producer publishes 1.1 and 2.0 of each order");
            appliedOnce(scenario, today);
            assertUnitsOnTimeline(scenario, today, true);
            assertUnitsOnTimeline(scenario, lastYear, false);
            String before = ContextState.read(scenario).exact();
            int archived = scenario.archive().size();

            long t2 = System.nanoTime();
            int replayed = scenario.bus.replay(REPLAY, started, Instant.now().plusSeconds(2));
            scenario.settle();
            long replayMillis = (System.nanoTime() - t2) / 1_000_000;

            assertEquals(archived, replayed, "the whole archive, both years, was replayed");
            assertEquals(before, ContextState.read(scenario).exact(), "every table item and every email exactly as before the replay");
            // what an operator must know: inventory's rule asks for 2.x, so last year's 1.0 OrderPlaced reach crm only.
            // Inventory's holds for those orders stand from last year (and are in its table's backups); a replay cannot
            // rebuild them unless a rule that takes OrderPlaced 1.x to inventory is added for that replay (it still
            // reads 1.x, see README "How to change an event").
            assertEquals(ORDERS, replayedTo(scenario, "InventoryFunction", "OrderPlaced"), "inventory: today's 2.0 only");
            assertEquals(2 * ORDERS, replayedTo(scenario, "CrmFunction", "OrderPlaced"), "crm: last year's 1.0 and today's 1.1");
            assertEquals(0, scenario.flowLinesContaining("FAILED", "(replay " + REPLAY + ")"), "no replayed event was refused");
            assertNoDeadLetters(scenario);
            System.out.printf("[reliability] versions: %d orders placed with OrderPlaced 1.0 (last year's rules), restarted with today's"
                            + " template, %d more with 1.1 + 2.0; the whole archive (%d events) replayed in %d ms: inventory took %d"
                            + " OrderPlaced (2.0), crm %d (1.0 and 1.1), nothing changed, no DLQ; runs took %d + %d ms%n",
                    ORDERS, ORDERS, replayed, replayMillis, replayedTo(scenario, "InventoryFunction", "OrderPlaced"),
                    replayedTo(scenario, "CrmFunction", "OrderPlaced"), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        }
    }

    /** Every sku topped up (this run is about versions, not shortage), the cohort placed, its planned cancels made. */
    private static void run(Scenario scenario, Cohort cohort) throws InterruptedException {
        for (int sku = 1; sku <= 4; sku++) {
            scenario.topUpStock("SKU-" + sku, 10_000);
        }
        cohort.place(scenario, 4);
        scenario.settle();
        cohort.cancel(scenario, 4);
        scenario.settle();
    }

    /** Each order of the cohort as in-order delivery leaves it: confirmed or cancelled, its units held or released, its emails. */
    private static void appliedOnce(Scenario scenario, Cohort cohort) {
        ContextState state = ContextState.read(scenario);
        for (int i = 0; i < cohort.plan.size(); i++) {
            Expectations.appliedOnce(state, cohort.orders.get(i), cohort.plan.get(i), cohort.plan.get(i).cancelReason().isPresent());
        }
    }

    /** crm's timeline: a placing entry counts the order's units when its OrderPlaced was 1.1, and says nothing of them from 1.0. */
    private static void assertUnitsOnTimeline(Scenario scenario, Cohort cohort, boolean known) {
        ContextState state = ContextState.read(scenario);
        for (int i = 0; i < cohort.plan.size(); i++) {
            ContextState.OrderRef order = cohort.orders.get(i);
            int units = cohort.plan.get(i).lines().stream().mapToInt(Workload.Line::quantity).sum();
            List<JsonNode> placing = new ArrayList<>();
            state.insight(order.customerId()).path("timeline").forEach(entry -> {
                if (entry.path("type").asText().equals("PLACED") && entry.path("orderId").asText().equals(order.orderId())) {
                    placing.add(entry);
                }
            });
            assertEquals(1, placing.size(), "one placing entry of order " + i);
            assertEquals(known, placing.get(0).has("units"), "units on the placing entry of order " + i + ": " + placing.get(0));
            if (known) {
                assertEquals(units, placing.get(0).path("units").asInt(), "units of order " + i);
            }
        }
    }

    /** The schemaVersions of the archived OrderPlaced events of the cohort's orders, each once. */
    private static List<String> versionsOf(Scenario scenario, Cohort cohort) {
        List<String> ids = cohort.orders.stream().map(ContextState.OrderRef::orderId).toList();
        Map<String, Integer> versions = new TreeMap<>();
        for (JsonNode event : scenario.archived("OrderPlaced")) {
            if (ids.contains(event.at("/detail/data/orderId").asText())) {
                versions.merge(event.at("/detail/metadata/schemaVersion").asText(), 1, Integer::sum);
            }
        }
        versions.forEach((version, count) -> assertEquals(cohort.orders.size(), count, "one OrderPlaced " + version + " per order"));
        return List.copyOf(versions.keySet());
    }

    private static long replayedTo(Scenario scenario, String function, String detailType) {
        return scenario.flowLinesContaining("DELIVER", function + " <- " + detailType + " ", "(replay " + REPLAY + ")");
    }

    private static void assertNoDeadLetters(Scenario scenario) {
        for (Map.Entry<String, String> queue : DeadLetters.QUEUES.entrySet()) {
            assertEquals(List.of(), DeadLetters.drain(scenario, queue.getValue()), queue.getKey() + "'s DLQ");
        }
    }

    /**
     * template.yaml as it was before inventory moved to OrderPlaced 2.x: its OrderPlaced rule asked for 1.x (last
     * year's rule named no version, and last year's producer published 1.0 only: the same events). Written next to
     * the run, with the jars' paths made absolute, since local-cloud reads CodeUri relative to the template.
     */
    static Path lastYearsTemplate() throws IOException {
        Path root = ProjectRoot.find();
        String today = Files.readString(root.resolve("template.yaml"));
        String inventoryOnTwo = "              detail-type: [OrderPlaced]\n              detail:\n                metadata:\n"
                + "                  schemaVersion: [{ prefix: '2.' }]\n";
        assertEquals(1, today.split(Pattern.quote(inventoryOnTwo), -1).length - 1, "template.yaml: inventory's OrderPlaced rule asks for 2.x");
        String lastYear = today.replace(inventoryOnTwo, inventoryOnTwo.replace("'2.'", "'1.'"));
        Matcher paths = Pattern.compile("(?m)^(\\s+(?:CodeUri|ContentUri): )(\\S+)$").matcher(lastYear);
        StringBuilder absolute = new StringBuilder();
        while (paths.find()) {
            paths.appendReplacement(absolute, Matcher.quoteReplacement(paths.group(1) + root.resolve(paths.group(2))));
        }
        paths.appendTail(absolute);
        Path file = Scenario.runs().resolve("template-" + NAME + "-last-year.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, absolute.toString());
        assertTrue(absolute.toString().contains("schemaVersion: [{ prefix: '1.' }]"), "the variant asks for 1.x");
        return file;
    }
}
