package shop.notification.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import shop.notification.domain.EmailAddress;
import shop.notification.domain.Money;
import shop.notification.domain.OrderId;
import shop.notification.domain.OrderedItem;

/**
 * Each command names the event that asked for it (the message record keeps it, and a redelivery is told apart by it),
 * and carries what its email needs within the limits the email can show.
 */
class CommandsTest {

    private static final OrderId ORDER = new OrderId("3f0c1c9e-0000-4000-8000-000000000001");
    private static final EmailAddress ADA = new EmailAddress("ada@example.com");
    private static final Instant AT = Instant.parse("2026-03-02T09:15:00Z");

    @Test
    void every_command_refuses_a_missing_or_blank_event_id() {
        List<Function<String, Object>> commands = List.of(
                eventId -> new OrderConfirmed(eventId, ORDER, AT, new Money(BigDecimal.TEN, "EUR"), 1, ADA),
                eventId -> new OrderRejected(eventId, ORDER, AT, List.of(new OrderedItem("SKU-1", 1)), ADA),
                eventId -> new OrderCancelled(eventId, ORDER, AT, AT, "CHANGED_MIND", ADA),
                eventId -> new ParcelShipped(eventId, ORDER, AT, "DHL", "JD0001", 1, ADA));

        for (Function<String, Object> command : commands) {
            assertDoesNotThrow(() -> command.apply("event-1"));
            for (String missing : new String[] {null, "", " "}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> command.apply(missing));
                assertEquals("an event id is required", e.getMessage());
            }
        }
    }

    @Test
    void a_confirmation_and_a_shipment_count_at_least_one_item() {
        assertDoesNotThrow(() -> new OrderConfirmed("e-1", ORDER, AT, new Money(BigDecimal.TEN, "EUR"), 1, ADA));
        assertThrows(IllegalArgumentException.class, () -> new OrderConfirmed("e-1", ORDER, AT, new Money(BigDecimal.TEN, "EUR"), 0, ADA));
        assertDoesNotThrow(() -> shipped("DHL", "JD0001", 1));
        assertThrows(IllegalArgumentException.class, () -> shipped("DHL", "JD0001", 0));
    }

    @Test
    void a_shipment_carries_a_carrier_of_1_to_40_characters_and_a_tracking_number_of_1_to_64() {
        assertDoesNotThrow(() -> shipped("c".repeat(40), "t".repeat(64), 1));
        assertThrows(IllegalArgumentException.class, () -> shipped("c".repeat(41), "JD0001", 1));
        assertThrows(IllegalArgumentException.class, () -> shipped(" ", "JD0001", 1));
        assertThrows(IllegalArgumentException.class, () -> shipped(null, "JD0001", 1));
        assertThrows(IllegalArgumentException.class, () -> shipped("DHL", "t".repeat(65), 1));
        assertThrows(IllegalArgumentException.class, () -> shipped("DHL", "", 1));
        assertThrows(IllegalArgumentException.class, () -> shipped("DHL", null, 1));
    }

    @Test
    void a_cancellation_reason_is_a_code_of_at_most_64_capitals_or_underscores() {
        assertDoesNotThrow(() -> cancelled("A" + "_".repeat(63)));
        assertThrows(IllegalArgumentException.class, () -> cancelled("A" + "_".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> cancelled("changed my mind"));
        assertThrows(IllegalArgumentException.class, () -> cancelled(null));
    }

    @Test
    void a_rejection_names_at_least_one_item() {
        assertThrows(IllegalArgumentException.class, () -> new OrderRejected("e-1", ORDER, AT, List.of(), ADA));
    }

    private static ParcelShipped shipped(String carrier, String trackingNumber, int itemCount) {
        return new ParcelShipped("e-1", ORDER, AT, carrier, trackingNumber, itemCount, ADA);
    }

    private static OrderCancelled cancelled(String reason) {
        return new OrderCancelled("e-1", ORDER, AT, AT, reason, ADA);
    }
}
