package shop.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import shop.crm.domain.CancellationReason;
import shop.crm.domain.CustomerId;
import shop.crm.domain.OrderId;
import shop.crm.domain.RejectionReason;

/** Every command the CRM applies is deduplicated on its event id (a marker per event), so none can exist without one. */
class EventCommandsTest {

    private static final OrderId ORDER = new OrderId("order-1");
    private static final CustomerId CUSTOMER = new CustomerId("alice");
    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    private static final List<Function<String, Object>> COMMANDS = List.of(
            id -> new OrderPlaced(id, ORDER, CUSTOMER, AT, java.util.Optional.empty()),
            id -> new OrderConfirmed(id, ORDER, CUSTOMER, AT, AT),
            id -> new OrderRejected(id, ORDER, CUSTOMER, AT, AT, new RejectionReason(RejectionReason.OUT_OF_STOCK)),
            id -> new OrderCancelled(id, ORDER, CUSTOMER, AT, AT, new CancellationReason("CHANGED_MIND")),
            id -> new ParcelShipped(id, ORDER, CUSTOMER, AT));

    @Test
    void no_command_exists_without_the_event_id_it_is_deduplicated_on() {
        for (Function<String, Object> command : COMMANDS) {
            assertThrows(IllegalArgumentException.class, () -> command.apply(null));
            IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> command.apply(" "));
            assertEquals("an event id is required", blank.getMessage());
        }
    }

    @Test
    void a_command_with_an_event_id_exists() {
        for (Function<String, Object> command : COMMANDS) {
            command.apply("event-1");
        }
        assertEquals(5, COMMANDS.size());
    }
}
