package shop.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import shop.crm.application.ReadCancellationInsight;
import shop.crm.handler.CancellationInsightHandler;
import shop.crm.handler.Wiring;
import shop.localparts.SesV2Local.ReceivedEmail;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What every context holds, read once from its own table (and the SES stand-in's mailbox): the stock levels, and
 * per order its reservation and held units, parcel, message records, the emails its customer received, and the CRM
 * item with the customer's insight and timeline as CancellationInsightFunction answers them.
 *
 * <p>{@link #view} renders one order with its ids and times blanked, so orders of two cohorts given the same
 * workload can be compared line by line; {@link #exact} renders everything, unblanked, to prove that nothing changed.
 */
final class ContextState {

    /** Written when an event is applied, or chosen at random: they differ between two runs of the same workload. */
    private static final Set<String> VOLATILE = Set.of("updatedAt", "sentAt", "skippedAt", "providerMessageId", "claimToken",
            "leaseUntil", "placedAt", "cancelledAt", "placedMonth", "createdAt", "shippedAt", "at", "claimedAt", "confirmedAt",
            "rejectedAt", "reservedAt", "decidedAt", "outboxSince");

    /** An order and who placed it. */
    record OrderRef(String orderId, String customerId, String email) {
    }

    private final Scenario scenario;
    private final Map<String, List<Map<String, AttributeValue>>> items = new TreeMap<>();
    private final List<ReceivedEmail> emails;

    private ContextState(Scenario scenario) {
        this.scenario = scenario;
        for (String table : List.of("OrdersTable", "InventoryTable", "PackageTable", "NotificationTable", "CrmTable")) {
            items.put(table, scenario.scan(table));
        }
        this.emails = scenario.cloud.emails();
    }

    static ContextState read(Scenario scenario) {
        return new ContextState(scenario);
    }

    /** Available units per sku. */
    Map<String, Integer> stock() {
        Map<String, Integer> stock = new TreeMap<>();
        counters().forEach((sku, counters) -> stock.put(sku, counters.available()));
        return stock;
    }

    /** A sku's counters, as inventory keeps them on the sku item. */
    record Counters(int available, int held, int shipped) {

        Counters minus(Counters before) {
            return new Counters(available - before.available, held - before.held, shipped - before.shipped);
        }
    }

    /** Available, held and shipped units per sku. */
    Map<String, Counters> counters() {
        Map<String, Counters> counters = new TreeMap<>();
        for (Map<String, AttributeValue> item : items.get("InventoryTable")) {
            if (item.get("sk").s().equals("STOCK")) {
                counters.put(item.get("pk").s().substring("SKU#".length()), new Counters(number(item, "available"), number(item, "held"),
                        number(item, "shipped")));
            }
        }
        return counters;
    }

    /** One attribute of an item, as text ("(none)" when the item or the attribute is missing). */
    String attribute(String table, String pk, String sk, String name) {
        return items.get(table).stream().filter(i -> i.get("pk").s().equals(pk) && i.containsKey("sk") && i.get("sk").s().equals(sk))
                .filter(i -> i.containsKey(name)).map(i -> canonical(i.get(name))).findFirst().orElse("(none)");
    }

    /** Items of a table that carry {@code attribute} (e.g. outboxPending: events still owed). */
    long itemsWith(String table, String attribute) {
        return items.get(table).stream().filter(i -> i.containsKey(attribute)).count();
    }

    private static int number(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Integer.parseInt(item.get(name).n()) : 0;
    }

    /** Units held for an order, per sku: the lines of its reservation ({@code ORDER#id}/RESERVATION) while it is RESERVED. */
    Map<String, Integer> held(String orderId) {
        Map<String, Integer> held = new TreeMap<>();
        for (Map<String, AttributeValue> item : items.get("InventoryTable")) {
            if (item.get("pk").s().equals("ORDER#" + orderId) && item.get("sk").s().equals("RESERVATION")
                    && item.get("status").s().equals("RESERVED")) {
                item.get("lines").l().forEach(line -> held.merge("SKU#" + line.m().get("sku").s(),
                        Integer.parseInt(line.m().get("quantity").n()), Integer::sum));
            }
        }
        return held;
    }

    List<ReceivedEmail> emailsTo(String address) {
        return emails.stream().filter(e -> e.to().contains(address)).toList();
    }

    String status(String table, String pk, String sk) {
        return items.get(table).stream().filter(i -> i.get("pk").s().equals(pk) && i.containsKey("sk") && i.get("sk").s().equals(sk))
                .map(i -> i.containsKey("status") ? i.get("status").s() : "(no status)").findFirst().orElse("(none)");
    }

    /** The status of the item of a table keyed by {@code pk} alone. */
    String status(String table, String pk) {
        return items.get(table).stream().filter(i -> i.get("pk").s().equals(pk))
                .map(i -> i.containsKey("status") ? i.get("status").s() : "(no status)").findFirst().orElse("(none)");
    }

    /** The order's status as the order context stores it (and GET /orders/{id} shows it). */
    String order(String orderId) {
        return status("OrdersTable", "ORDER#" + orderId);
    }

    String reservation(String orderId) {
        return status("InventoryTable", "ORDER#" + orderId, "RESERVATION");
    }

    String parcel(String orderId) {
        return status("PackageTable", "PARCEL#" + orderId, "PARCEL");
    }

    /** Items of a table whose partition or sort key names the order or its customer. */
    private List<Map<String, AttributeValue>> itemsOf(String table, OrderRef order) {
        return items.get(table).stream().filter(i -> i.get("pk").s().contains(order.orderId())
                || (i.containsKey("sk") && i.get("sk").s().contains(order.orderId()))
                || i.get("pk").s().equals("CUSTOMER#" + order.customerId())).toList();
    }

    /** One order across every context, ids and times blanked. */
    String view(OrderRef order) {
        StringBuilder view = new StringBuilder();
        for (String table : items.keySet()) {
            for (Map<String, AttributeValue> item : itemsOf(table, order)) {
                view.append(table).append(' ').append(render(item, order)).append('\n');
            }
        }
        view.append("held ").append(held(order.orderId())).append('\n');
        List<String> subjects = emailsTo(order.email()).stream().map(e -> blank(e.subject(), order)).sorted().toList();
        view.append("emails ").append(subjects).append('\n');
        view.append("crm ").append(blankTimes(insight(order.customerId()), order)).append('\n');
        return view.toString();
    }

    /** The lines of two views that differ, for a readable failure. */
    static String difference(String expected, String actual) {
        List<String> left = List.of(expected.split("\n"));
        List<String> right = List.of(actual.split("\n"));
        StringBuilder diff = new StringBuilder();
        left.stream().filter(l -> !right.contains(l)).forEach(l -> diff.append("  - ").append(l).append('\n'));
        right.stream().filter(l -> !left.contains(l)).forEach(l -> diff.append("  + ").append(l).append('\n'));
        return diff.toString();
    }

    /** Everything, as stored: any change at all (a timestamp, an extra item, one more email) shows. */
    String exact() {
        StringBuilder all = new StringBuilder();
        items.forEach((table, list) -> list.stream().map(i -> table + " " + canonical(AttributeValue.fromM(i))).sorted().forEach(l -> all.append(l).append('\n')));
        all.append("emails ").append(emails.size()).append(' ')
                .append(emails.stream().map(e -> e.to() + " " + e.subject()).sorted().collect(Collectors.joining("; ")));
        return all.toString();
    }

    /** What CancellationInsightFunction answers for {"customerId": ...}: the insight and the timeline. */
    JsonNode insight(String customerId) {
        CancellationInsightHandler handler = new CancellationInsightHandler(
                new ReadCancellationInsight(Wiring.customerOrders(scenario.cloud.dynamo(), scenario.table("CrmTable"))), Clock.systemUTC());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(("{\"customerId\":\"" + customerId + "\"}").getBytes(StandardCharsets.UTF_8)), out, null);
            return Scenario.JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String render(Map<String, AttributeValue> item, OrderRef order) {
        Map<String, String> rendered = new TreeMap<>();
        item.forEach((name, value) -> {
            if (VOLATILE.contains(name)) {
                rendered.put(name, "<set>");
            } else if (name.endsWith("EventId") || name.equals("eventId")) {
                rendered.put(name, "<event>");
            } else {
                rendered.put(name, blank(canonical(value), order));
            }
        });
        return rendered.toString();
    }

    /** An attribute value with its maps' keys sorted, so equal values render equally. */
    static String canonical(AttributeValue value) {
        if (value.hasM()) {
            return new TreeMap<>(value.m()).entrySet().stream().map(e -> e.getKey() + "=" + canonical(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value.hasL()) {
            return value.l().stream().map(ContextState::canonical).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            return value.n();
        }
        return value.toString();
    }

    private static String blankTimes(JsonNode node, OrderRef order) {
        JsonNode copy = node.deepCopy();
        blankTimes(copy);
        return blank(copy.toString(), order);
    }

    private static void blankTimes(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (VOLATILE.contains(name) || name.endsWith("SecondsToCancel") || name.endsWith("SecondsToShip")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) node).put(name, "<time>");
                } else {
                    blankTimes(node.get(name));
                }
            }
        } else if (node.isArray()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                blankTimes(it.next());
            }
        }
    }

    private static String blank(String text, OrderRef order) {
        return text.replace(order.orderId(), "<order>").replace(order.email(), "<email>").replace(order.customerId(), "<customer>");
    }
}
