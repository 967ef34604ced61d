package shop.order.adapter.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import shop.order.application.OwedEvent;
import shop.order.domain.CancellationReason;
import shop.order.domain.CustomerId;
import shop.order.domain.EmailAddress;
import shop.order.domain.Money;
import shop.order.domain.Order;
import shop.order.domain.OrderId;
import shop.order.domain.OrderLine;
import shop.order.domain.ShippingAddress;
import shop.order.domain.Sku;
import shop.platform.events.PendingEvent;
import shop.platform.json.Json;
import shop.testsupport.EventSchemas;

/** The producer's side of OrderPlaced's versions: what each setting owes, in which shape, under which ids. */
class OrderMessagesTest {

    private static final Order ORDER = Order.place(new OrderId("6f1c2a9e-4b3d-4e5f-8a7b-9c0d1e2f3a4b"), new CustomerId("customer-alice"),
            List.of(new OrderLine(new Sku("SKU-1"), 2, Money.of("12.50", "EUR")), new OrderLine(new Sku("SKU-5"), 3, Money.of("0.75", "EUR"))),
            new ShippingAddress("Alice Example", "1 Example Street", null, "Berlin", "10115", "DE"),
            new EmailAddress("alice@example.com"), Instant.parse("2026-12-01T10:00:00Z"));
    private static final OwedEvent PLACED = new OwedEvent("0b8f5d3e-2c1a-4f6e-9d8c-7b6a5e4d3c2b", OwedEvent.Fact.PLACED, ORDER, "corr-1");

    @Test
    void the_migration_window_owes_1_1_and_2_0_each_valid_against_the_schema_of_its_major() {
        List<PendingEvent> owed = OrderMessages.placing("2.0, 1.1").of(PLACED);

        assertEquals(List.of("1.1", "2.0"), owed.stream().map(e -> detail(e).at("/metadata/schemaVersion").asText()).toList());
        for (PendingEvent event : owed) {
            assertEquals("OrderPlaced", event.detailType());
            assertEquals("shop.orders", event.source());
            assertEquals(List.of(), EventSchemas.violations("OrderPlaced", detail(event)), event.detail());
            assertEquals(5, detail(event).at("/data/unitCount").asInt());
        }
        JsonNode v2 = detail(owed.get(1)).path("data");
        assertEquals("customer-alice", v2.at("/customer/id").asText());
        assertEquals("alice@example.com", v2.at("/customer/contactEmail").asText());
        assertEquals("SKU-5", v2.at("/items/1/sku").asText());
        assertEquals("2.25", v2.at("/items/1/price/line/amount").asText());
        assertFalse(v2.has("lines") || v2.has("customerId") || v2.has("contactEmail"), "2.0 is not 1.x with more fields");
    }

    @Test
    void the_1x_copy_carries_the_owed_events_id_and_the_2_0_copy_an_id_derived_from_it_the_same_every_time() {
        List<PendingEvent> first = OrderMessages.placing("1.1,2.0").of(PLACED);
        List<PendingEvent> again = OrderMessages.placing("1.1,2.0").of(PLACED);

        assertEquals(PLACED.eventId(), first.get(0).eventId());
        assertNotEquals(PLACED.eventId(), first.get(1).eventId());
        assertEquals(first, again, "a retry and the relay send the very bytes that were stored");
        assertEquals(first.get(1).eventId(), OrderMessages.placing("2.0").of(PLACED).get(0).eventId(), "after 1.x stops too");
        assertNotEquals(first.get(1).eventId(), OrderMessages.placing("2.0").of(OwedEvent.of(OwedEvent.Fact.PLACED, ORDER, "c")).get(0).eventId());
    }

    @Test
    void the_old_producer_owes_1_0_alone_without_the_field_1_1_added() {
        List<PendingEvent> owed = OrderMessages.placing("1.0").of(PLACED);

        assertEquals(1, owed.size());
        JsonNode detail = detail(owed.get(0));
        assertEquals("1.0", detail.at("/metadata/schemaVersion").asText());
        assertEquals(PLACED.eventId(), owed.get(0).eventId());
        assertFalse(detail.path("data").has("unitCount"));
        assertEquals(List.of(), EventSchemas.violations("OrderPlaced", detail));
    }

    @Test
    void other_changes_owe_one_1_0_event_whatever_the_OrderPlaced_setting() {
        Order cancelled = ORDER.cancel(CancellationReason.CHANGED_MIND, Instant.parse("2026-12-01T11:00:00Z"));
        OwedEvent owed = OwedEvent.of(OwedEvent.Fact.CANCELLED, cancelled, "corr-2");

        for (String setting : List.of("", "1.1,2.0")) {
            List<PendingEvent> events = OrderMessages.placing(setting).of(owed);
            assertEquals(1, events.size(), setting);
            assertEquals("OrderCancelled", events.get(0).detailType());
            assertEquals("1.0", detail(events.get(0)).at("/metadata/schemaVersion").asText());
            assertEquals(owed.eventId(), events.get(0).eventId());
        }
    }

    @Test
    void a_setting_names_known_versions_once_per_major_and_a_blank_one_owes_no_OrderPlaced() {
        assertEquals(List.of(), OrderMessages.placing(" ").placedVersions());
        assertEquals(List.of("1.0", "2.0"), OrderMessages.placing("2.0,1.0").placedVersions());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> OrderMessages.placing("1.1,3.0"));
        assertEquals("OrderPlaced 3.0 is not one of [1.0, 1.1, 2.0]", unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> OrderMessages.placing("1.0,1.1"));
        assertEquals("OrderPlaced is published once per major, not twice at 1.x", twice.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> OrderMessages.placing("").of(PLACED));
        assertTrue(none.getMessage().contains("ORDER_PLACED_VERSIONS"), none.getMessage());
    }

    private static JsonNode detail(PendingEvent event) {
        try {
            return Json.read(event.detail());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
