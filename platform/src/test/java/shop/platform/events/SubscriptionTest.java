package shop.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final Subscription ORDERS_AND_PARCELS = Subscription
            .to("shop.orders", 1, "OrderPlaced", "OrderCancelled")
            .and("shop.packaging", 2, "ParcelShipped");

    @Test
    void accepts_each_subscribed_type_of_each_source_at_its_major() {
        IncomingEvent placed = event("shop.orders", "OrderPlaced", "1.3");
        IncomingEvent shipped = event("shop.packaging", "ParcelShipped", "2.0");

        assertSame(placed, ORDERS_AND_PARCELS.check(placed));
        assertSame(shipped, ORDERS_AND_PARCELS.check(shipped));
        assertTrue(Subscription.is(shipped, "shop.packaging", "ParcelShipped"));
    }

    @Test
    void refuses_another_source_with_the_sources_it_reads() {
        MalformedEventException refused = assertThrows(MalformedEventException.class,
                () -> ORDERS_AND_PARCELS.check(event("shop.inventory", "OrderPlaced", "1.0")));

        assertEquals("source shop.inventory is not one of [shop.orders, shop.packaging]", refused.getMessage());
    }

    @Test
    void refuses_a_type_its_source_publishes_but_this_consumer_does_not_read() {
        MalformedEventException refused = assertThrows(MalformedEventException.class,
                () -> ORDERS_AND_PARCELS.check(event("shop.orders", "ParcelShipped", "1.0")));

        assertEquals("detail-type ParcelShipped of shop.orders is not one of [OrderCancelled, OrderPlaced]", refused.getMessage());
    }

    @Test
    void refuses_an_unknown_major_version_per_source() {
        MalformedEventException refused = assertThrows(MalformedEventException.class,
                () -> ORDERS_AND_PARCELS.check(event("shop.packaging", "ParcelShipped", "1.0")));

        assertEquals("schemaVersion 1.0 of ParcelShipped is not 2.x", refused.getMessage());
    }

    @Test
    void a_type_is_subscribed_once_at_each_major_and_a_source_to_at_least_one_type() {
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> ORDERS_AND_PARCELS.and("shop.orders", 1, "OrderConfirmed", "OrderPlaced"));
        assertEquals("OrderPlaced of shop.orders is already subscribed at 1.x", twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Subscription.to("shop.orders", 1));
    }

    @Test
    void more_types_of_a_subscribed_source_keep_the_types_it_had() {
        Subscription more = ORDERS_AND_PARCELS.and("shop.orders", 1, "OrderConfirmed");
        IncomingEvent confirmed = event("shop.orders", "OrderConfirmed", "1.0");
        IncomingEvent placed = event("shop.orders", "OrderPlaced", "1.1");

        assertSame(confirmed, more.check(confirmed));
        assertSame(placed, more.check(placed));
        assertThrows(MalformedEventException.class, () -> ORDERS_AND_PARCELS.check(confirmed)); // the first one is unchanged
    }

    @Test
    void a_consumer_moving_to_a_new_major_reads_both_and_refuses_a_third_naming_the_two() {
        Subscription moving = ORDERS_AND_PARCELS.and("shop.orders", 2, "OrderPlaced");
        IncomingEvent old = event("shop.orders", "OrderPlaced", "1.0");
        IncomingEvent current = event("shop.orders", "OrderPlaced", "2.0");

        assertSame(old, moving.check(old));
        assertSame(current, moving.check(current));
        MalformedEventException third = assertThrows(MalformedEventException.class,
                () -> moving.check(event("shop.orders", "OrderPlaced", "3.0")));
        assertEquals("schemaVersion 3.0 of OrderPlaced is not 1.x or 2.x", third.getMessage());
        MalformedEventException cancelled = assertThrows(MalformedEventException.class,
                () -> moving.check(event("shop.orders", "OrderCancelled", "2.0")));
        assertEquals("schemaVersion 2.0 of OrderCancelled is not 1.x", cancelled.getMessage());
    }

    @Test
    void a_subscription_built_in_a_test_checks_what_it_names_and_dispatches_only_the_named_type() {
        Subscription parcels = Subscription.to("shop.packaging", 1, "ParcelShipped").and("shop.orders", 1, "OrderCancelled");
        IncomingEvent cancelled = event("shop.orders", "OrderCancelled", "1.0");

        assertSame(cancelled, parcels.check(cancelled));
        assertTrue(Subscription.is(cancelled, "shop.orders", "OrderCancelled"));
        assertFalse(Subscription.is(cancelled, "shop.orders", "OrderPlaced"));
        assertFalse(Subscription.is(cancelled, "shop.packaging", "OrderCancelled"));
    }

    private static IncomingEvent event(String source, String detailType, String schemaVersion) {
        String json = """
                {"id":"eb-1","detail-type":"%2$s","source":"%1$s","time":"2026-11-27T10:00:00Z",
                 "detail":{"metadata":{"eventId":"e-1","eventType":"%2$s","schemaVersion":"%3$s",
                   "occurredAt":"2026-11-27T10:00:00Z","correlationId":"c-1","producer":"p"},"data":{"orderId":"o-1"}}}
                """.formatted(source, detailType, schemaVersion);
        return IncomingEvent.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
