package shop.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final ShippingAddress ADDRESS = new ShippingAddress("A", "B", null, "C", "1", "DE");
    private static final EmailAddress EMAIL = new EmailAddress("a@example.com");

    @Test
    void the_total_is_the_sum_of_the_lines_to_the_cent() {
        Order order = order(new OrderLine(new Sku("SKU-1"), 3, Money.of("0.10", "EUR")),
                new OrderLine(new Sku("SKU-2"), 1, Money.of("0.20", "EUR")));

        assertEquals(Money.of("0.50", "EUR"), order.total());
    }

    @Test
    void a_placed_order_can_be_cancelled_once() {
        Order cancelled = order(new OrderLine(new Sku("SKU-1"), 1, Money.of("1.00", "EUR")))
                .cancel(CancellationReason.FOUND_CHEAPER, Instant.parse("2026-11-27T10:00:00Z"));

        assertEquals(OrderStatus.CANCELLED, cancelled.status());
        assertEquals(CancellationReason.FOUND_CHEAPER, cancelled.cancellation().orElseThrow().reason());
        assertThrows(IllegalStateException.class, () -> cancelled.cancel(CancellationReason.OTHER, Instant.now()));
    }

    @Test
    void an_order_belongs_to_the_customer_who_placed_it() {
        Order order = order(new OrderLine(new Sku("SKU-1"), 1, Money.of("1.00", "EUR")));

        assertTrue(order.isOwnedBy(new CustomerId("customer-alice")));
        assertFalse(order.isOwnedBy(new CustomerId("customer-mallory")));
    }

    @Test
    void invalid_values_cannot_be_built() {
        assertThrows(IllegalArgumentException.class, () -> new Sku("sku 1"));
        assertThrows(IllegalArgumentException.class, () -> new OrderLine(new Sku("SKU-1"), 0, Money.of("1.00", "EUR")));
        assertThrows(IllegalArgumentException.class, () -> new OrderLine(new Sku("SKU-1"), 101, Money.of("1.00", "EUR")));
        assertThrows(ArithmeticException.class, () -> Money.of("1.005", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("-1.00", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.00", "EUR").plus(Money.of("1.00", "USD")));
        assertThrows(IllegalArgumentException.class, () -> new EmailAddress("no-at-sign"));
        assertThrows(IllegalArgumentException.class, () -> new ShippingAddress("A", "B", null, "C", "1", "Germany"));
        assertThrows(IllegalArgumentException.class, () -> new OrderId("42"));
        assertThrows(IllegalArgumentException.class, () -> order());
        assertThrows(IllegalArgumentException.class, () -> order(Collections.nCopies(51,
                new OrderLine(new Sku("SKU-1"), 1, Money.of("1.00", "EUR"))).toArray(OrderLine[]::new)));
    }

    @Test
    void an_email_address_never_shows_in_a_string() {
        assertFalse(EMAIL.toString().contains("example.com"));
    }

    private static Order order(OrderLine... lines) {
        return Order.place(OrderId.generate(), new CustomerId("customer-alice"), List.of(lines), ADDRESS, EMAIL, Instant.now());
    }
}
