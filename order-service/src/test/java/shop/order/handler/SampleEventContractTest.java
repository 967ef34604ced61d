package shop.order.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import shop.localparts.EventSchemas;
import shop.localparts.SampleEvents;
import shop.platform.events.IncomingEvent;
import shop.platform.json.Json;

/**
 * The order consumer's side of the contract: the inventory and package events it is tested with are events their
 * producers may publish (events/schemas), and its duplicates and replays are redeliveries of the first delivery.
 */
class SampleEventContractTest {

    private static final List<String> DELIVERED = List.of("stock-reserved.json", "stock-shortage.json",
            "stock-reserved-duplicate.json", "stock-reserved-replayed.json", "stock-reserved-for-cancelled-order.json",
            "parcel-shipped.json", "parcel-shipped-duplicate.json", "parcel-shipped-replayed.json");

    @Test
    void every_sample_event_the_rule_delivers_is_from_inventory_and_valid_against_the_published_schema() {
        Map<String, List<String>> problems = new TreeMap<>();
        for (String name : DELIVERED) {
            JsonNode event = sample(name);
            List<String> found = new java.util.ArrayList<>(EventSchemas.violations(event.path("detail-type").asText(), event.path("detail")));
            String source = event.path("detail-type").asText().equals("ParcelShipped") ? "shop.packaging" : "shop.inventory";
            if (!source.equals(event.path("source").asText())) {
                found.add("source is not " + source);
            }
            if (!found.isEmpty()) {
                problems.put(name, found);
            }
        }
        assertEquals(Map.of(), problems);
    }

    @Test
    void the_malformed_sample_breaks_the_schema() {
        JsonNode event = sample("malformed.json");
        assertFalse(EventSchemas.violations(event.path("detail-type").asText(), event.path("detail")).isEmpty());
    }

    @Test
    void the_malformed_parcel_shipped_breaks_the_schema_and_the_unknown_major_is_not_1() {
        JsonNode event = sample("malformed-parcel-shipped.json");
        assertFalse(EventSchemas.violations("ParcelShipped", event.path("detail")).isEmpty());
        assertEquals("2.0", sample("parcel-shipped-unknown-major.json").at("/detail/metadata/schemaVersion").asText());
    }

    @Test
    void the_parcel_shipped_duplicate_and_replay_carry_the_first_deliverys_detail_under_another_id() {
        JsonNode original = sample("parcel-shipped.json");
        for (String name : List.of("parcel-shipped-duplicate.json", "parcel-shipped-replayed.json")) {
            assertEquals(original.path("detail"), sample(name).path("detail"), name);
            assertFalse(original.path("id").equals(sample(name).path("id")), name);
        }
    }

    @Test
    void the_duplicate_and_the_replay_carry_the_first_deliverys_detail_under_another_id() {
        JsonNode original = sample("stock-reserved.json");
        for (String name : List.of("stock-reserved-duplicate.json", "stock-reserved-replayed.json")) {
            assertEquals(original.path("detail"), sample(name).path("detail"), name);
            assertFalse(original.path("id").equals(sample(name).path("id")), name);
        }
        assertFalse(sample("stock-reserved-replayed.json").path("replay-name").isMissingNode());
    }

    @Test
    void the_unknown_major_sample_is_a_stock_reserved_of_schema_version_2() {
        JsonNode event = sample("stock-reserved-v2.json");
        assertEquals("StockReserved", event.path("detail-type").asText());
        assertEquals("2.0", event.at("/detail/metadata/schemaVersion").asText());
    }

    @Test
    void the_priming_event_is_a_valid_stock_reserved_the_translator_reads() {
        IncomingEvent event = InventoryEventTranslator.SUBSCRIPTION.check(OrderPriming.stockReserved());
        ObjectNode detail = Json.object();
        detail.set("metadata", Json.node(event.metadata()));
        detail.set("data", event.data());

        assertEquals("00000000-0000-0000-0000-000000000000", InventoryEventTranslator.stockReserved(event).orderId().value());
        assertEquals(List.of(), EventSchemas.violations("StockReserved", detail));
    }

    private static JsonNode sample(String name) {
        return SampleEvents.json("order-service/" + name);
    }
}
