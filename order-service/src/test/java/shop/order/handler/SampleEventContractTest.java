package shop.order.handler;

import shop.testsupport.ConsumerSampleContract;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.testsupport.EventSchemas;
import shop.testsupport.SampleEvents;
import shop.platform.events.IncomingEvent;
import shop.platform.json.Json;

/**
 * The order consumer's side of the contract: the inventory and package events it is tested with are events their
 * producers may publish (events/schemas), and its duplicates and replays are redeliveries of the first delivery.
 */
class SampleEventContractTest extends ConsumerSampleContract {

    SampleEventContractTest() {
        super("order-service", List.of("shop.inventory", "shop.packaging"), "stock-reserved", "parcel-shipped");
    }

    @Test
    void the_unknown_major_sample_is_a_stock_reserved_of_schema_version_2() {
        JsonNode event = sample("stock-reserved-unknown-major.json");
        assertEquals("StockReserved", event.path("detail-type").asText());
        assertEquals("2.0", event.at("/detail/metadata/schemaVersion").asText());
    }

    @Test
    void the_priming_event_is_a_valid_stock_reserved_the_translator_reads() {
        IncomingEvent event = BusEventHandler.SUBSCRIPTION.check(BusEventHandler.primingSample());
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
