package shop.crm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsAndTimelineTest {

    @Test
    void ids_hold_1_to_128_characters_and_read_as_their_value() {
        String longest = "x".repeat(128);
        assertEquals(longest, new OrderId(longest).toString());
        assertEquals(longest, new CustomerId(longest).toString());
        assertThrows(IllegalArgumentException.class, () -> new OrderId(longest + "x"));
        assertThrows(IllegalArgumentException.class, () -> new CustomerId(longest + "x"));
        assertThrows(IllegalArgumentException.class, () -> new OrderId(" "));
        assertThrows(IllegalArgumentException.class, () -> new CustomerId(""));
    }

    @Test
    void orders_placed_at_the_same_instant_are_listed_by_order_id_whatever_order_they_came_in() {
        CustomerId alice = new CustomerId("alice");
        Instant at = Instant.parse("2026-12-04T10:00:00Z");
        List<CustomerOrder> orders = List.of(CustomerOrder.placed(new OrderId("order-b"), alice, at),
                CustomerOrder.placed(new OrderId("order-c"), alice, at), CustomerOrder.placed(new OrderId("order-a"), alice, at));

        List<String> listed = Timeline.of(alice, orders).entries().stream().map(entry -> entry.orderId().value()).toList();

        assertEquals(List.of("order-a", "order-b", "order-c"), listed);
    }
}
