package shop.crm.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static shop.crm.handler.CrmHarness.data;
import static shop.crm.handler.CrmHarness.outcome;
import static shop.crm.handler.CrmHarness.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import shop.crm.application.ReadCancellationInsight;
import shop.crm.domain.CancellationInsight;
import shop.crm.domain.CancellationReason;
import shop.crm.domain.CustomerId;
import shop.crm.domain.OrderId;
import shop.crm.domain.Timeline;
import shop.crm.domain.TimelineEntry;
import shop.platform.events.MalformedEventException;
import shop.testsupport.LocalDynamoDb;

/** The CrmFunction with the sample events, against dynalite. */
class OrderEventHandlerTest {

    private static final CustomerId CUSTOMER = new CustomerId(data("order-placed.json", "customerId"));
    private static final OrderId ORDER = new OrderId(data("order-placed.json", "orderId"));
    private static final OrderId LATE_ORDER = new OrderId(data("placed-after-cancel.json", "orderId"));

    @RegisterExtension
    static final LocalDynamoDb dynamoDb = new LocalDynamoDb();

    private OrderEventHandler handler;
    private ReadCancellationInsight read;

    @BeforeEach
    void freshTable() {
        String table = dynamoDb.freshTable("CrmTable");
        handler = Wiring.handler(dynamoDb.client(), table);
        read = new ReadCancellationInsight(Wiring.customerOrders(dynamoDb.client(), table));
    }

    @Test
    void order_placed_puts_a_placed_entry_on_the_customers_timeline() {
        assertEquals("RECORDED", outcome(handler, "order-placed.json"));

        assertEquals(List.of(placed(ORDER, "2026-03-02T09:15:00Z")), read.timeline(CUSTOMER).entries());
    }

    @Test
    void order_cancelled_adds_a_cancelled_entry_with_its_reason_and_time() {
        outcome(handler, "order-placed.json");
        assertEquals("RECORDED", outcome(handler, "order-cancelled.json"));

        assertEquals(List.of(placed(ORDER, "2026-03-02T09:15:00Z"),
                        cancelled(ORDER, "2026-03-02T10:45:30Z", "FOUND_CHEAPER")),
                read.timeline(CUSTOMER).entries());
    }

    @Test
    void duplicate_order_placed_with_another_eventbridge_id_changes_nothing() {
        outcome(handler, "order-placed.json");

        assertEquals("ALREADY_RECORDED", outcome(handler, "order-placed-duplicate.json"));
        assertEquals(1, read.timeline(CUSTOMER).entries().size());
        assertEquals(1, read.forCustomer(CUSTOMER).ordersPlaced());
    }

    @Test
    void replayed_order_placed_changes_nothing() {
        outcome(handler, "order-placed.json");

        assertEquals("ALREADY_RECORDED", outcome(handler, "order-placed-replayed.json"));
        assertEquals(1, read.forCustomer(CUSTOMER).ordersPlaced());
    }

    @Test
    void order_cancelled_delivered_twice_counts_one_cancellation() {
        outcome(handler, "order-placed.json");
        outcome(handler, "order-cancelled.json");

        assertEquals("ALREADY_RECORDED", outcome(handler, "order-cancelled.json"));
        CancellationInsight insight = read.forCustomer(CUSTOMER);
        assertEquals(1, insight.ordersCancelled());
        assertEquals(1L, insight.cancellationsByReason().get("FOUND_CHEAPER"));
        assertEquals(2, read.timeline(CUSTOMER).entries().size());
    }

    @Test
    void cancel_before_place_gives_the_same_timeline_as_in_order_once_both_arrived() {
        assertEquals("RECORDED", outcome(handler, "cancelled-before-placed.json"));
        Timeline afterCancelOnly = read.timeline(CUSTOMER);
        assertEquals("RECORDED", outcome(handler, "placed-after-cancel.json"));

        List<TimelineEntry> expected = List.of(placed(LATE_ORDER, "2026-03-03T18:00:00Z"),
                cancelled(LATE_ORDER, "2026-03-03T18:02:00Z", "ORDERED_BY_MISTAKE"));
        assertEquals(expected, read.timeline(CUSTOMER).entries());
        assertEquals(expected, afterCancelOnly.entries(), "the cancellation alone already tells when it was placed");
    }

    @Test
    void cancel_before_place_gives_the_same_insight_as_in_order() {
        outcome(handler, "cancelled-before-placed.json");
        outcome(handler, "placed-after-cancel.json");
        CancellationInsight disordered = read.forCustomer(CUSTOMER);

        freshTable();
        outcome(handler, "placed-after-cancel.json");
        outcome(handler, "cancelled-before-placed.json");
        CancellationInsight ordered = read.forCustomer(CUSTOMER);

        assertEquals(ordered, disordered);
        assertEquals(1, disordered.ordersPlaced());
        assertEquals(1, disordered.ordersCancelled());
    }

    @Test
    void malformed_event_fails_with_the_reason_and_records_nothing() {
        MalformedEventException failure = assertThrows(MalformedEventException.class,
                () -> outcome(handler, "malformed.json"));

        assertTrue(failure.getMessage().contains("orderId"), failure.getMessage());
        assertEquals(0, read.forCustomer(CUSTOMER).ordersPlaced());
    }

    @Test
    void unknown_detail_type_fails_and_records_nothing() {
        MalformedEventException failure = assertThrows(MalformedEventException.class,
                () -> outcome(handler, "direct-unknown-detail-type.json"));

        assertTrue(failure.getMessage().contains("OrderShipped"), failure.getMessage());
        assertEquals(0, read.forCustomer(CUSTOMER).ordersPlaced());
    }

    @Test
    void event_of_an_unsupported_schema_major_version_fails_and_records_nothing() {
        ObjectNode event = (ObjectNode) sample("order-placed.json");
        ((ObjectNode) event.path("detail").path("metadata")).put("schemaVersion", "2.0");

        assertThrows(MalformedEventException.class, () -> outcome(handler, event));
        assertEquals(0, read.forCustomer(CUSTOMER).ordersPlaced());
    }

    @Test
    void a_cancellation_dated_before_its_placing_fails_and_records_nothing() {
        ObjectNode event = (ObjectNode) sample("order-cancelled.json");
        ((ObjectNode) event.path("detail").path("data")).put("cancelledAt", "2026-03-01T00:00:00Z");

        MalformedEventException failure = assertThrows(MalformedEventException.class, () -> outcome(handler, event));
        assertTrue(failure.getMessage().contains("cancelled after it was placed"), failure.getMessage());
        assertEquals(0, read.forCustomer(CUSTOMER).ordersPlaced());
    }

    private static TimelineEntry placed(OrderId order, String at) {
        return new TimelineEntry(Instant.parse(at), TimelineEntry.Type.PLACED, order, Optional.empty());
    }

    private static TimelineEntry cancelled(OrderId order, String at, String reason) {
        return new TimelineEntry(Instant.parse(at), TimelineEntry.Type.CANCELLED, order,
                Optional.of(new CancellationReason(reason)));
    }
}
