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
    void a_placed_order_is_confirmed_or_rejected_once_and_only_a_confirmed_one_can_still_be_cancelled() {
        Order placed = order(new OrderLine(new Sku("SKU-1"), 1, Money.of("1.00", "EUR")));

        Order confirmed = placed.confirm(Instant.parse("2026-11-27T10:00:00Z"));
        Order rejected = placed.reject(List.of(new Sku("SKU-1")), Instant.parse("2026-11-27T10:00:00Z"));

        assertEquals(OrderStatus.CONFIRMED, confirmed.status());
        assertEquals(OrderStatus.REJECTED, rejected.status());
        assertEquals(RejectionReason.OUT_OF_STOCK, rejected.rejection().orElseThrow().reason());
        assertEquals(List.of(new Sku("SKU-1")), rejected.rejection().orElseThrow().shortSkus());
        assertThrows(IllegalStateException.class, () -> confirmed.reject(List.of(new Sku("SKU-1")), Instant.now()));
        assertThrows(IllegalStateException.class, () -> rejected.confirm(Instant.now()));
        assertTrue(confirmed.status().isCancellable());
        assertFalse(rejected.status().isCancellable());
        assertThrows(IllegalStateException.class, () -> rejected.cancel(CancellationReason.OTHER, Instant.now()));
        Order cancelledAfterConfirming = confirmed.cancel(CancellationReason.OTHER, Instant.now());
        assertEquals(confirmed.confirmedAt(), cancelledAfterConfirming.confirmedAt(), "it stays known that it was confirmed");
        assertThrows(IllegalArgumentException.class, () -> placed.reject(List.of(), Instant.now()), "a shortage names its skus");
    }

    @Test
    void a_confirmed_order_ships_and_can_no_longer_be_cancelled_while_a_cancelled_one_records_a_return() {
        Order.Shipment how = new Order.Shipment("DHL", "JD0001", Instant.parse("2026-01-16T09:30:00Z"));
        Order confirmed = order(new OrderLine(new Sku("SKU-1"), 1, Money.of("1.00", "EUR"))).confirm(Instant.now());

        Order shipped = confirmed.ship(how);
        Order cancelledThenShipped = confirmed.cancel(CancellationReason.CHANGED_MIND, Instant.now()).ship(how);

        assertEquals(OrderStatus.SHIPPED, shipped.status());
        assertFalse(shipped.status().isCancellable());
        assertFalse(shipped.returnExpected());
        assertThrows(IllegalStateException.class, () -> shipped.ship(how));
        assertEquals(OrderStatus.CANCELLED, cancelledThenShipped.status());
        assertTrue(cancelledThenShipped.returnExpected());
        assertThrows(IllegalStateException.class,
                () -> order(new OrderLine(new Sku("SKU-1"), 1, Money.of("1.00", "EUR"))).ship(how));
    }

    @Test
    void a_country_must_be_one_ISO_3166_1_assigns() {
        assertEquals("DE", new ShippingAddress("A", "B", null, "C", "1", "DE").country());
        assertEquals("GB", new ShippingAddress("A", "B", null, "C", "1", "GB").country());
        for (String unassigned : new String[] {"XX", "QQ", "ZZ", "UK", "de", "D"}) {
            assertThrows(IllegalArgumentException.class, () -> new ShippingAddress("A", "B", null, "C", "1", unassigned), unassigned);
        }
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
